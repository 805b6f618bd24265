// The conversation check: text or screenshots in, per-message findings and the matching playbook out.
(function () {
  const { MARKS, say, post, el } = window.gazoguardUI;
  const $ = (id) => document.getElementById(id);
  let result = null, playbook = null;

  // Spans count Unicode code points (Python), so split the text into code points, not UTF-16 units.
  function highlighted(text, findings) {
    const chars = Array.from(text), marked = new Array(chars.length).fill(false);
    findings.forEach((f) => { for (let i = f.span[0]; i < f.span[1] && i < chars.length; i++) marked[i] = true; });
    const out = el("span", "message-text");
    let i = 0;
    while (i < chars.length) {
      let j = i;
      while (j < chars.length && marked[j] === marked[i]) j++;
      out.appendChild(marked[i] ? el("mark", "", chars.slice(i, j).join("")) : document.createTextNode(chars.slice(i, j).join("")));
      i = j;
    }
    return out;
  }

  function renderPlaybook() {
    const box = $("talk-playbook");
    box.innerHTML = "";
    box.hidden = !playbook;
    if (!playbook) return;
    box.appendChild(el("h2", "", say("今すぐできること: ", "What to do now: ") + say(playbook.title_ja, playbook.title_en)));
    box.appendChild(el("p", "", say(playbook.summary_ja, playbook.summary_en)));
    const steps = el("ol", "steps");
    playbook.steps.forEach((s) => steps.appendChild(el("li", "", say(s.ja, s.en))));
    box.appendChild(steps);
    const more = el("a", "", say("ほかの手順と相談窓口", "Other playbooks and help lines"));
    more.href = `/playbooks?lang=${window.gazoguardLang()}#${playbook.name}`;
    box.appendChild(more);
  }

  function render() {
    if (!result) return;
    $("talk-result").hidden = false;
    const level = $("talk-level");
    level.className = "verdict level-" + result.level;
    level.textContent = `${MARKS[result.level]} ${say(result.level_ja, result.level_en)}`;
    const reasons = $("talk-reasons");
    reasons.innerHTML = "";
    if (!result.reasons.length) reasons.appendChild(el("li", "", say("知られている危険なパターンは見つかりませんでした。", "No known risky pattern was found.")));
    result.reasons.forEach((r) => reasons.appendChild(el("li", "reason level-" + r.level, say(r.ja, r.en))));
    (result.advice || []).forEach((a) => reasons.appendChild(el("li", "advice", say(a.ja, a.en))));
    // every safe result says that it is not a guarantee
    if (result.notice_ja) reasons.appendChild(el("li", "notice", say(result.notice_ja, result.notice_en)));
    const list = $("talk-messages");
    list.innerHTML = "";
    result.messages.forEach((m) => {
      const li = el("li", "message" + (m.findings.length ? " flagged" : "") + (m.role === "self" ? " self" : ""));
      if (m.speaker) li.appendChild(el("span", "speaker", m.speaker + ": "));
      li.appendChild(highlighted(m.text, m.findings));
      m.findings.forEach((f) => {
        const note = el("span", "fix", "→ " + say(f.explain_ja, f.explain_en));
        f.notes.forEach((n) => note.appendChild(el("em", "", " " + say(n.ja, n.en))));
        li.appendChild(note);
      });
      list.appendChild(li);
    });
    renderPlaybook();
  }

  async function check() {
    const form = new FormData();
    form.append("text", $("talk-text").value);
    if ($("talk-me").value.trim()) form.append("me", $("talk-me").value.trim());
    [...$("talk-files").files].forEach((f) => form.append("files", f, f.name));
    $("talk-check").disabled = true;
    $("busy").hidden = false;
    try {
      const body = await post("/api/v1/talk", form);
      if (!body) return;
      result = body;
      playbook = null;
      if (body.playbook) {
        const res = await fetch(`/api/v1/playbooks/${encodeURIComponent(body.playbook)}`);
        if (res.ok) playbook = await res.json();
      }
      render();
    } finally {
      $("talk-check").disabled = false;
      $("busy").hidden = true;
    }
  }

  $("talk-form").addEventListener("submit", (e) => { e.preventDefault(); check(); });
  document.addEventListener("gazoguard:lang", render);
})();
