// Language switch without a reload: every element with data-ja / data-en shows the current language.
(function () {
  const body = document.body;
  function apply(lang) {
    body.dataset.lang = lang;
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-ja][data-en]").forEach((el) => {
      el.textContent = el.dataset[lang];
    });
    const toggle = document.getElementById("lang-toggle");
    if (toggle) toggle.textContent = lang === "ja" ? "English" : "日本語";
    document.querySelectorAll("a[href*='lang=']").forEach((a) => {
      a.href = a.href.replace(/lang=(ja|en)/, "lang=" + lang);
    });
    document.dispatchEvent(new CustomEvent("gazoguard:lang", { detail: lang }));
  }
  const toggle = document.getElementById("lang-toggle");
  if (toggle) toggle.addEventListener("click", () => apply(body.dataset.lang === "ja" ? "en" : "ja"));
  window.gazoguardLang = () => body.dataset.lang;
})();
