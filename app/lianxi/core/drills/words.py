"""Words a drill can play: from the learner's lessons, or a starter list covering every tone pair."""

from __future__ import annotations

from dataclasses import dataclass

from lianxi.core.pinyin import Syllable, parse


@dataclass(frozen=True, slots=True)
class DrillWord:
    """A word a drill can play: from the learner's lessons, or the starter list below."""

    hanzi: str
    pinyin: str  # as written in the lesson (marks or numbers)
    english: tuple[str, ...] = ()
    note_id: int | None = None
    level: str = ""
    lesson_id: str = ""
    tags: tuple[str, ...] = ()

    @property
    def syllables(self) -> list[Syllable]:
        return parse(self.pinyin)


# A few everyday words for every tone pair, so the pairs drill covers all twenty even before
# any lesson is added. Words with 一 or 不 are left out: their tones change in speech.
STARTER_WORDS: tuple[DrillWord, ...] = tuple(
    DrillWord(h, p, tuple(e.split("; ")))
    for h, p, e in (
        ("今天", "jin1 tian1", "today"), ("飞机", "fei1 ji1", "plane"), ("咖啡", "ka1 fei1", "coffee"),
        ("中国", "zhong1 guo2", "China"), ("欢迎", "huan1 ying2", "welcome"), ("生词", "sheng1 ci2", "new word"),
        ("开始", "kai1 shi3", "to begin"), ("铅笔", "qian1 bi3", "pencil"), ("身体", "shen1 ti3", "body; health"),
        ("医院", "yi1 yuan4", "hospital"), ("音乐", "yin1 yue4", "music"), ("商店", "shang1 dian4", "shop"),
        ("桌子", "zhuo1 zi5", "table"), ("衣服", "yi1 fu5", "clothes"), ("哥哥", "ge1 ge5", "elder brother"),
        ("明天", "ming2 tian1", "tomorrow"), ("房间", "fang2 jian1", "room"), ("时间", "shi2 jian1", "time"),
        ("学习", "xue2 xi2", "to study"), ("银行", "yin2 hang2", "bank"), ("同学", "tong2 xue2", "classmate"),
        ("苹果", "ping2 guo3", "apple"), ("牛奶", "niu2 nai3", "milk"), ("没有", "mei2 you3", "not have"),
        ("学校", "xue2 xiao4", "school"), ("牛肉", "niu2 rou4", "beef"), ("同事", "tong2 shi4", "colleague"),
        ("朋友", "peng2 you5", "friend"), ("名字", "ming2 zi5", "name"), ("时候", "shi2 hou5", "time; moment"),
        ("老师", "lao3 shi1", "teacher"), ("北京", "bei3 jing1", "Beijing"), ("每天", "mei3 tian1", "every day"),
        ("每年", "mei3 nian2", "every year"), ("女儿", "nü3 er2", "daughter"), ("旅游", "lü3 you2", "to travel"),
        ("你好", "ni3 hao3", "hello"), ("水果", "shui3 guo3", "fruit"), ("可以", "ke3 yi3", "may; can"),
        ("考试", "kao3 shi4", "exam"), ("米饭", "mi3 fan4", "cooked rice"), ("请问", "qing3 wen4", "excuse me"),
        ("姐姐", "jie3 jie5", "elder sister"), ("奶奶", "nai3 nai5", "grandmother"), ("喜欢", "xi3 huan5", "to like"),
        ("面包", "mian4 bao1", "bread"), ("汽车", "qi4 che1", "car"), ("上班", "shang4 ban1", "to go to work"),
        ("问题", "wen4 ti2", "question"), ("去年", "qu4 nian2", "last year"), ("大学", "da4 xue2", "university"),
        ("汉语", "han4 yu3", "Chinese language"), ("电脑", "dian4 nao3", "computer"), ("报纸", "bao4 zhi3", "newspaper"),
        ("再见", "zai4 jian4", "goodbye"), ("电视", "dian4 shi4", "television"), ("饭店", "fan4 dian4", "restaurant"),
        ("谢谢", "xie4 xie5", "thank you"), ("爸爸", "ba4 ba5", "dad"), ("意思", "yi4 si5", "meaning"),
    )
)
