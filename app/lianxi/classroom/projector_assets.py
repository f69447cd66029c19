"""The projector page's style and script, kept as text so the page is one file with nothing to fetch.

The script reads the lesson from the JSON element and only ever sets text
(textContent) or builds elements: lesson text is never parsed as HTML. Sizes
follow the viewport: the hanzi take up to 45% of its height (a two-character
word fits a third of it on any common projector), then long meanings shrink
until everything fits, so nothing is cut. __CJK__ and __LATIN__ are replaced by
the font lists. Pure text; imports nothing.
"""

PROJECTOR_CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; height: 100vh; overflow: hidden; background: #fffdf7; color: #111;
  font-family: __LATIN__, __CJK__; }
[hidden] { display: none !important; }
#status { flex: 0 0 auto; display: flex; justify-content: space-between; gap: 2vw; padding: 0.8vh 1.5vw;
  font-size: 2.6vh; color: #444; background: #efebe0; }
#where { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#round { white-space: nowrap; }
#stage { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; align-items: center;
  justify-content: center; padding: 1vh 3vw; overflow: hidden; }
#hanzi { font-family: __CJK__; line-height: 1.08; white-space: nowrap; }
#hanzi.number, #hanzi.message { font-family: __LATIN__; color: #555; }
#options { display: flex; flex-wrap: wrap; gap: 2vw; justify-content: center; font-family: __CJK__; }
#options .option { border: 0.45vh solid #bbb; border-radius: 1.5vh; padding: 1vh 2vw; display: flex;
  align-items: center; gap: 1.2vw; line-height: 1.1; white-space: nowrap; }
#options .option .n { font-family: __LATIN__; font-size: 0.45em; color: #666; }
#options .option.right { border-color: #2e7d32; background: #e3f2e4; }
#pinyin { margin-top: 1vh; min-height: 1.25em; text-align: center; line-height: 1.25; }
#pinyin .said { color: #444; font-size: 0.62em; }
#meaning { margin-top: 0.6vh; max-width: 94vw; text-align: center; line-height: 1.25; color: #222;
  overflow-wrap: anywhere; }
#meaning .reading { display: block; }
#meaning .reading .rp { margin-right: 0.3em; font-weight: bold; }
#meaning .reading .rh { font-family: __CJK__; }
#pinyin .sep { color: #999; }
#hint { font-size: 2.3vh; color: #777; margin-top: 1vh; min-height: 1.3em; text-align: center; }
.hidden-part { visibility: hidden; }
#strokes { display: flex; gap: 2vw; align-items: center; justify-content: center; }
#strokes svg { display: block; }
#strokes .bg { fill: #e2e2e2; }
#strokes .ink { fill: none; stroke: #111; stroke-linecap: round; stroke-linejoin: round; }
#strokes .none { font-family: __CJK__; color: #9a9a9a; text-align: center; line-height: 1.1; }
#strokes .none small { display: block; font-size: 2.6vh; font-family: __LATIN__; color: #555; }
@keyframes draw { to { stroke-dashoffset: 0; } }
#buttons { flex: 0 0 auto; display: flex; flex-wrap: wrap; gap: 0.8vw; padding: 1vh 1.5vw; background: #efebe0; }
#buttons button { font: inherit; font-size: 2.8vh; min-height: 7vh; min-width: 7vh; padding: 0 1.4vw;
  border-radius: 1vh; border: 1px solid #999; background: #fff; color: #111; cursor: pointer; }
#buttons button.on { background: #333; color: #fff; }
#buttons .gap { flex: 1; }
#help { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.5); display: flex; align-items: center;
  justify-content: center; }
#help .box { background: #fff; padding: 3vh 3vw; border-radius: 2vh; font-size: 2.8vh; max-width: 86vw;
  max-height: 92vh; overflow: auto; }
#help h2 { margin: 0 0 1.5vh; }
#keys td { padding: 0.3vh 1.2vw; vertical-align: top; }
#keys td:first-child { font-weight: bold; text-align: right; white-space: nowrap; }
.small { font-size: 0.8em; color: #555; }
#about code { white-space: nowrap; }
.t1 { color: __T1__; } .t2 { color: __T2__; } .t3 { color: __T3__; } .t4 { color: __T4__; } .t5 { color: __T5__; }
"""

PROJECTOR_JS = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("lesson").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var ROUNDS = {words: "Words", tones: "Tone pairs", listen: "Listening", dictation: "Dictation"};
  var STEPS = {words: 2, tones: 2, listen: 1, dictation: 1};
  var KEYS = [
    ["space", "show the next part: pinyin, then the meaning"], ["n or \u2192", "next word"],
    ["b or \u2190", "previous word"], ["p", "play the word"],
    ["s", "stroke order: the strokes of each character, one by one (s again: replay)"],
    ["w", "words round"], ["t", "tone pairs round: the room says the tones"],
    ["l", "listening round: the room picks the word they hear"],
    ["d", "dictation, in the worksheet answer key's order"], ["f", "full screen"], ["?", "this help"],
    ["Esc", "close help or stroke order"]];
  var state = {mode: "words", index: 0, step: 0};
  function $(id) { return document.getElementById(id); }
  function items() { return D.rounds[state.mode]; }
  function current() { return items()[state.index]; }
  function wordOf(item) { return D.words[typeof item === "number" ? item : item.w]; }
  function indexOf(item) { return typeof item === "number" ? item : item.w; }
  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }
  function put(el, value) { clear(el); el.textContent = value; }
  function shown(el, on) { el.classList.toggle("hidden-part", !on); }
  function spansInto(el, pieces) {
    pieces.forEach(function (piece) {
      var span = document.createElement("span");
      span.textContent = piece[0];
      if (piece[1]) { span.className = "t" + piece[1]; }
      el.appendChild(span);
    });
  }
  // every reading of the word (de · dé · děi), or the main one only (the tone pairs are its tones)
  function pinyinInto(el, word, mainOnly) {
    clear(el);
    var readings = word.r && !mainOnly ? word.r : [{s: word.s}];
    readings.forEach(function (reading, n) {
      if (n) { var sep = document.createElement("span"); sep.className = "sep"; sep.textContent = " \u00b7 "; el.appendChild(sep); }
      spansInto(el, reading.s);
    });
  }
  // one meaning, or one line per reading: its pinyin (and its own hanzi, 隻 zhī), then its meaning
  function meaningInto(el, word) {
    clear(el);
    if (!word.r) { el.textContent = word.m; return; }
    word.r.forEach(function (reading) {
      var line = document.createElement("span"); line.className = "reading";
      if (reading.h) {
        var h = document.createElement("span"); h.className = "rh"; h.textContent = reading.h; line.appendChild(h);
        line.appendChild(document.createTextNode(" "));
      }
      var p = document.createElement("span"); p.className = "rp"; spansInto(p, reading.s); line.appendChild(p);
      line.appendChild(document.createTextNode(" " + reading.m));
      el.appendChild(line);
    });
  }

  function render() {
    var list = items(), item = current();
    var hanzi = $("hanzi"), options = $("options"), pinyin = $("pinyin"), meaning = $("meaning");
    put($("where"), D.title + " \u00b7 " + ROUNDS[state.mode]);
    put($("round"), list.length ? Math.min(state.index + 1, list.length) + " / " + list.length : "0 / 0");
    Object.keys(ROUNDS).forEach(function (m) { $("b-" + m).classList.toggle("on", m === state.mode); });
    $("strokes").hidden = true;
    clear(options); options.hidden = true; hanzi.hidden = false; hanzi.className = "";
    shown(pinyin, true); shown(meaning, true); put(pinyin, ""); put(meaning, "");
    if (item === undefined) {
      hanzi.className = "message";
      put(hanzi, list.length ? "Done!" : "No words for this round");
      put(pinyin, list.length ? list.length + " in this round" : "Tone pairs need words of two syllables");
      put(meaning, "n: again \u00b7 w t l d: another round");
      put($("hint"), "");
      fit();
      return;
    }
    var word = wordOf(item);
    if (state.mode === "words") {
      put(hanzi, word.h); pinyinInto(pinyin, word); meaningInto(meaning, word);
      shown(pinyin, state.step >= 1); shown(meaning, state.step >= 2);
      put($("hint"), ["space: pinyin", "space: meaning", "n: next"][state.step] + " \u00b7 p: play \u00b7 s: strokes \u00b7 ?: help");
    } else if (state.mode === "tones") {
      put(hanzi, word.h);
      if (state.step >= 1) {
        pinyinInto(pinyin, word, true);
        var said = document.createElement("span");
        said.className = "said";
        said.textContent = "  tones " + item.tones + (item.said ? "  (said " + item.said + ")" : "");
        pinyin.appendChild(said);
      } else {
        put(pinyin, "Which tones?");
      }
      meaningInto(meaning, word); shown(meaning, state.step >= 2);
      put($("hint"), "space: reveal \u00b7 p: play \u00b7 n: next \u00b7 ?: help");
    } else if (state.mode === "listen") {
      hanzi.hidden = true; options.hidden = false;
      item.o.forEach(function (k, n) {
        var box = document.createElement("div");
        box.className = "option" + (state.step >= 1 && n === item.a ? " right" : "");
        var number = document.createElement("span"); number.className = "n"; number.textContent = String(n + 1);
        var h = document.createElement("span"); h.className = "h"; h.textContent = D.words[k].h;
        box.appendChild(number); box.appendChild(h); options.appendChild(box);
      });
      if (state.step >= 1) { pinyinInto(pinyin, word); } else { put(pinyin, "Which word do you hear?"); }
      meaningInto(meaning, word); shown(meaning, state.step >= 1);
      put($("hint"), "space: answer \u00b7 p: play again \u00b7 n: next \u00b7 ?: help");
    } else {
      if (state.step >= 1) {
        put(hanzi, word.h); pinyinInto(pinyin, word); meaningInto(meaning, word);
      } else {
        hanzi.className = "number"; put(hanzi, String(state.index + 1)); put(pinyin, "Listen and write");
      }
      put($("hint"), "p: play again \u00b7 space: show \u00b7 n: next \u00b7 ?: help");
    }
    fit();
  }

  function fit() {
    var stage = $("stage"), hanzi = $("hanzi"), options = $("options"), pinyin = $("pinyin"), meaning = $("meaning");
    var vh = window.innerHeight, vw = window.innerWidth;
    var chars = Math.max(1, Array.from(hanzi.textContent).length);
    var size = Math.min(vh * 0.45, (vw * 0.92) / chars);
    if (hanzi.className) { size = Math.min(size, vh * 0.3); }
    hanzi.style.fontSize = size + "px";
    if (!options.hidden) {
      var total = 0;
      Array.prototype.forEach.call(options.children, function (o) { total += Array.from(o.lastChild.textContent).length + 2; });
      options.style.fontSize = Math.min(vh * 0.16, (vw * 0.8) / Math.max(4, total / 2)) + "px";
    }
    var p = vh * 0.075, m = vh * 0.05;
    pinyin.style.fontSize = p + "px"; meaning.style.fontSize = m + "px";
    for (var guard = 0; guard < 80 && stage.scrollHeight > stage.clientHeight + 1; guard++) {
      if (m > vh * 0.026) { m *= 0.93; meaning.style.fontSize = m + "px"; }
      else if (p > vh * 0.05) { p *= 0.93; pinyin.style.fontSize = p + "px"; }
      else if (size > vh * 0.2) { size *= 0.95; hanzi.style.fontSize = size + "px"; }
      else { break; }
    }
  }

  function strokeOrder() {
    var item = current();
    if (item === undefined || (state.mode === "dictation" && state.step < 1)) { return; }
    var word = wordOf(item), box = $("strokes"), size = parseFloat($("hanzi").style.fontSize) || window.innerHeight * 0.4;
    var chars = Array.from(word.h).filter(function (ch) { return Object.prototype.hasOwnProperty.call(D.strokes, ch); });
    size = Math.min(size, (window.innerWidth * 0.9) / Math.max(1, chars.length));
    clear(box);
    var delay = 0.2, clipNumber = 0;
    chars.forEach(function (ch) {
      var data = D.strokes[ch];
      if (!data) {
        var none = document.createElement("div");
        none.className = "none"; none.style.fontSize = (size * 0.8) + "px"; none.textContent = ch;
        var note = document.createElement("small"); note.textContent = "no stroke order for " + ch;
        none.appendChild(note); box.appendChild(none);
        return;
      }
      var svg = document.createElementNS(NS, "svg");
      svg.setAttribute("viewBox", "0 0 1024 1024"); svg.setAttribute("width", String(size));
      svg.setAttribute("height", String(size)); svg.setAttribute("class", "char");
      svg.setAttribute("data-char", ch); svg.setAttribute("data-strokes", String(data.o.length));
      var defs = document.createElementNS(NS, "defs"), g = document.createElementNS(NS, "g");
      g.setAttribute("transform", "translate(0, 900) scale(1, -1)");
      svg.appendChild(defs); svg.appendChild(g);
      data.o.forEach(function (outline) {
        var bg = document.createElementNS(NS, "path"); bg.setAttribute("d", outline); bg.setAttribute("class", "bg");
        g.appendChild(bg);
      });
      data.o.forEach(function (outline, i) {
        var id = "clip-" + (clipNumber++) + "-" + ch.codePointAt(0);
        var clip = document.createElementNS(NS, "clipPath"); clip.setAttribute("id", id);
        var shape = document.createElementNS(NS, "path"); shape.setAttribute("d", outline);
        clip.appendChild(shape); defs.appendChild(clip);
        var m = data.m[i], d = "M" + m[0] + " " + m[1];
        for (var k = 2; k < m.length; k += 2) { d += "L" + m[k] + " " + m[k + 1]; }
        var ink = document.createElementNS(NS, "path");
        ink.setAttribute("d", d); ink.setAttribute("class", "ink"); ink.setAttribute("clip-path", "url(#" + id + ")");
        // the dash starts wholly before the line (its round cap too) and slides along it
        var length = data.l[i] + 160, seconds = Math.max(0.3, data.l[i] / 1000);
        ink.style.strokeWidth = "160";
        ink.style.strokeDasharray = length + " " + (length + 1000);
        ink.style.strokeDashoffset = String(length + 200);
        ink.style.animation = "draw " + seconds.toFixed(2) + "s linear " + delay.toFixed(2) + "s forwards";
        delay += seconds + 0.15;
        g.appendChild(ink);
      });
      box.appendChild(svg);
      delay += 0.3;
    });
    $("hanzi").hidden = true; $("options").hidden = true; box.hidden = false;
    put($("hint"), "stroke order \u00b7 s: again \u00b7 Esc: back \u00b7 n: next");
  }

  function flash(message) { put($("hint"), message); }
  function play() {
    var item = current();
    if (item === undefined) { return; }
    var audio = $("audio-" + indexOf(item));
    if (!audio) { flash("No sound for this word in this page"); return; }
    Array.prototype.forEach.call(document.querySelectorAll("audio"), function (a) { if (!a.paused) { a.pause(); } });
    audio.currentTime = 0;
    var started = audio.play();
    if (started && started.catch) { started.catch(function () { flash("The browser held the sound back: press p"); }); }
  }
  function autoplay() { if ((state.mode === "listen" || state.mode === "dictation") && current() !== undefined) { play(); } }
  function next() {
    if (state.index >= items().length) { state.index = 0; } else { state.index += 1; }
    state.step = 0; render(); autoplay();
  }
  function previous() { if (state.index > 0) { state.index -= 1; state.step = 0; render(); autoplay(); } }
  function reveal() {
    if (!$("strokes").hidden) { render(); return; }
    if (current() !== undefined && state.step < STEPS[state.mode]) { state.step += 1; render(); }
  }
  function round(mode) { state.mode = mode; state.index = 0; state.step = 0; render(); autoplay(); }
  function help(open) { $("help").hidden = !open; }
  function fullScreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen().catch(function () {}); }
  }

  function handle(key) {
    if (!$("help").hidden && key !== "?" && key !== "Escape") { help(false); }
    switch (key) {
      case " ": case "Spacebar": case "Enter": reveal(); return true;
      case "n": case "ArrowRight": case "PageDown": next(); return true;
      case "b": case "ArrowLeft": case "PageUp": previous(); return true;
      case "p": play(); return true;
      case "s": strokeOrder(); return true;
      case "w": round("words"); return true;
      case "t": round("tones"); return true;
      case "l": round("listen"); return true;
      case "d": round("dictation"); return true;
      case "f": fullScreen(); return true;
      case "?": help($("help").hidden); return true;
      case "Escape": help(false); if (!$("strokes").hidden) { render(); } return true;
    }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (handle(event.key)) { event.preventDefault(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("#buttons button"), function (button) {
    button.tabIndex = -1;
    button.addEventListener("click", function () { handle(button.getAttribute("data-key")); button.blur(); });
  });
  $("help").addEventListener("click", function () { help(false); });
  var keys = $("keys");
  KEYS.forEach(function (pair) {
    var row = document.createElement("tr"), key = document.createElement("td"), what = document.createElement("td");
    key.textContent = pair[0]; what.textContent = pair[1]; row.appendChild(key); row.appendChild(what); keys.appendChild(row);
  });
  put($("about"), D.title + " \u00b7 " + D.words.length + " words. The same order again: ");
  var again = document.createElement("code");
  again.textContent = "lianxi class " + D.ref + " --browser --seed " + D.seed + (D.traditional ? " --traditional" : "");
  $("about").appendChild(again);
  window.addEventListener("resize", fit);
  render();
})();
"""
