"""My words from the card browser (Pilot, 80x24): lesson:my-words shows which words are in it, d takes one out."""

from __future__ import annotations

from lianxi.audio.playback import SilentPlayer
from lianxi.study.dictionary import Dictionary
from lianxi.study.my_words import my_words
from lianxi.ui.app import make_app
from lianxi.ui.screens.browser import BrowserScreen

from drawn import drawn


async def test_see_and_remove_my_words_in_the_card_browser(learner, real_index):
    learner.progress.set_setting("welcomed", True)
    learner.start_bundled("first-01-greetings")
    dictionary = Dictionary(learner, index=real_index)
    for text in ("xuexi", "laoshi"):
        dictionary.add_to_my_words(dictionary.lookup(text, limit=1)[0].id)
    dictionary.close()
    app = make_app(learner, player=SilentPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = BrowserScreen("lesson:my-words")
        await app.push_screen(screen)
        await pilot.pause()
        shown = {row.hanzi for row in screen.rows.values()}
        assert shown == {"学习", "老师"}
        assert "学习" in drawn(app) and "老师" in drawn(app)
        first = screen.selected_card().hanzi
        await pilot.press("d")
        await pilot.pause()
        assert [w.hanzi for w in my_words(learner)] == [{"学习": "老师", "老师": "学习"}[first]]
        assert {row.hanzi for row in screen.rows.values()} == {"学习", "老师"} - {first}  # the list is searched again
        # a card from another lesson is not in My words: nothing changes, the learner is told
        await pilot.press("slash")
        screen.query_one("Input").value = "lesson:first-01"
        await pilot.press("enter")
        await pilot.pause()
        card = screen.selected_card()
        await pilot.press("d")
        await pilot.pause()
        assert len(my_words(learner)) == 1
        assert any(f"{card.hanzi} is not in My words" in str(n.message) for n in app._notifications)
