// Small helpers shared by the talk and terms pages (the checker page has its own).
(function () {
  const MARKS = { safe: "◎", caution: "○", danger: "×", block: "⛔" };
  const lang = () => window.gazoguardLang();
  const say = (ja, en) => (lang() === "ja" ? ja : en);

  function showError(problem) {
    const el = document.getElementById("error");
    el.hidden = false;
    el.textContent = say(problem.message_ja || "エラーが発生しました", problem.message_en || "Something went wrong");
  }

  async function post(url, form) {
    document.getElementById("error").hidden = true;
    let res;
    try {
      res = await fetch(url, { method: "POST", body: form });
    } catch (e) {
      showError({ message_ja: "サーバーに接続できません", message_en: "Cannot reach the server" });
      return null;
    }
    let body;
    try { body = await res.json(); } catch (e) { body = { message_ja: `エラー (${res.status})`, message_en: `Error (${res.status})` }; }
    if (!res.ok) { showError(body); return null; }
    return body;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  window.gazoguardUI = { MARKS, lang, say, showError, post, el };
})();
