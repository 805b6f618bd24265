// The terms checker: each signal is safe-leaning, danger-leaning or missing, with its supporting sentences.
(function () {
  const { say, post, el } = window.gazoguardUI;
  const $ = (id) => document.getElementById(id);
  const OUTCOME_MARK = { safe: "◎", danger: "×", missing: "？" };
  let result = null;

  function render() {
    if (!result) return;
    $("terms-result").hidden = false;
    const verdict = $("terms-verdict");
    verdict.textContent = say(result.verdict_ja || "", result.verdict_en || "");
    verdict.hidden = !result.verdict_ja;
    const c = result.counts;
    $("terms-counts").textContent = say(
      `安全寄り ${c.safe} ・ 危険寄り ${c.danger} ・ 記載なし ${c.missing}`,
      `safe-leaning ${c.safe} · danger-leaning ${c.danger} · missing ${c.missing}`,
    );
    const body = $("signals").querySelector("tbody");
    body.innerHTML = "";
    result.signals.forEach((s) => {
      const row = el("tr", "signal outcome-" + s.outcome);
      row.dataset.signal = s.id;
      row.appendChild(el("td", "", say(s.name_ja, s.name_en)));
      const vague = s.vague ? say("（あいまい）", " (vague)") : "";
      row.appendChild(el("td", "outcome", `${OUTCOME_MARK[s.outcome] || ""} ${say(s.outcome_ja, s.outcome_en)}${vague}`));
      const cell = el("td", "evidence");
      if (!s.evidence.length) cell.textContent = say("この話題についての記載が見つかりません。", "Nothing in the text covers this topic.");
      s.evidence.forEach((e) => cell.appendChild(el("q", "leaning-" + e.leaning, e.sentence)));
      row.appendChild(cell);
      const why = s.outcome === "safe" ? "" : say(s.why_ja || "", s.why_en || "");
      row.appendChild(el("td", "why", why ? "→ " + why : ""));
      body.appendChild(row);
    });
  }

  async function check() {
    const form = new FormData();
    form.append("text", $("terms-text").value);
    $("terms-check").disabled = true;
    try {
      const body = await post("/api/v1/terms", form);
      if (body) { result = body; render(); }
    } finally {
      $("terms-check").disabled = false;
    }
  }

  $("terms-file").addEventListener("change", async () => {
    const file = $("terms-file").files[0];
    if (file) $("terms-text").value = await file.text();
  });
  $("terms-form").addEventListener("submit", (e) => { e.preventDefault(); check(); });
  document.addEventListener("gazoguard:lang", render);
})();
