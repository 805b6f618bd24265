// The pre-send checker: the picture stays in this browser tab; the server checks it in memory.
(function () {
  const $ = (id) => document.getElementById(id);
  const drop = $("drop"), fileInput = $("file"), photo = $("photo"), boxes = $("boxes");
  const MARKS = { safe: "◎", caution: "○", danger: "×", block: "⛔" };
  const RANK = { safe: 0, caution: 1, danger: 2, block: 3 };
  let current = null; // {file, report}
  let afterUrl = null;
  let lastSummary = null; // the X-Gazoguard-Redaction header of the last redaction

  function lang() { return window.gazoguardLang(); }
  function say(ja, en) { return lang() === "ja" ? ja : en; }

  function showError(problem) {
    const el = $("error");
    el.hidden = false;
    el.textContent = say(problem.message_ja || "エラーが発生しました", problem.message_en || "Something went wrong");
  }

  // The profile and, for any profile, the limits the person set: sent with every request, never stored.
  function profileForm(file) {
    const form = new FormData();
    form.append("file", file, file.name || "pasted.png");
    const profile = $("profile").value;
    form.append("profile", profile);
    if (profile === "performer") {
      form.append("never_face", $("never_face").checked ? "true" : "false");
      form.append("never_room", $("never_room").checked ? "true" : "false");
      form.append("max_exposure", $("max_exposure").value);
    }
    return form;
  }

  async function readProblem(res) {
    try { return await res.json(); } catch (e) { return { message_ja: `エラー (${res.status})`, message_en: `Error (${res.status})` }; }
  }

  async function check(file) {
    $("error").hidden = true;
    drop.classList.add("busy");
    $("busy").hidden = false;
    try {
      const res = await fetch("/api/v1/check", { method: "POST", body: profileForm(file) });
      if (!res.ok) { showError(await readProblem(res)); return; }
      const body = await res.json();
      current = { file, report: body };
      if (photo.src) URL.revokeObjectURL(photo.src);
      photo.onload = render;
      photo.src = URL.createObjectURL(file);
      resetRedaction();
      resetQuestions();
    } catch (e) {
      showError({ message_ja: "サーバーに接続できません", message_en: "Cannot reach the server" });
    } finally {
      drop.classList.remove("busy");
      $("busy").hidden = true;
    }
  }

  function resetRedaction() {
    $("after-stage").hidden = true;
    $("before-caption").hidden = true;
    $("download").hidden = true;
    $("redact-summary").hidden = true;
    if (afterUrl) URL.revokeObjectURL(afterUrl);
    afterUrl = null;
  }

  function resetQuestions() {
    document.querySelectorAll(".q, .dest").forEach((q) => { q.checked = false; });
    document.querySelectorAll(".dest-advice").forEach((p) => { p.hidden = true; });
    $("done").disabled = true;
    $("done-note").hidden = true;
  }

  function numbered(report) {
    const numbers = new Map();
    report.findings.forEach((f, i) => { if (f.box) numbers.set(i, numbers.size + 1); });
    return numbers;
  }

  function levelOf(report) {
    const levels = new Map();
    report.verdict.reasons.forEach((r) => r.findings.forEach((i) => {
      if (!levels.has(i) || RANK[r.level] > RANK[levels.get(i)]) levels.set(i, r.level);
    }));
    return levels;
  }

  function drawBoxes(report) {
    const sx = photo.clientWidth / report.image.width, sy = photo.clientHeight / report.image.height;
    const numbers = numbered(report), levels = levelOf(report);
    boxes.innerHTML = "";
    report.findings.forEach((f, i) => {
      if (!f.box) return;
      const [x0, y0, x1, y1] = f.box;
      const div = document.createElement("div");
      div.className = "box level-" + (levels.get(i) || "caution") + (f.category === "sexual" ? " hide" : "");
      Object.assign(div.style, { left: x0 * sx + "px", top: y0 * sy + "px", width: (x1 - x0) * sx + "px", height: (y1 - y0) * sy + "px" });
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = numbers.get(i);
      div.appendChild(tag);
      boxes.appendChild(div);
    });
    return numbers;
  }

  function listReasons(v, numbers) {
    const list = $("reasons");
    list.innerHTML = "";
    if (!v.reasons.length) {
      const li = document.createElement("li");
      li.textContent = say("問題は見つかりませんでした。", "Nothing was found.");
      list.appendChild(li);
    }
    v.reasons.forEach((r) => {
      const li = document.createElement("li");
      li.className = "reason level-" + r.level;
      const refs = r.findings.filter((i) => numbers.has(i)).map((i) => numbers.get(i));
      const head = document.createElement("span");
      head.className = "reason-text";
      head.textContent = (refs.length ? `[${refs.join(",")}] ` : "") + say(r.ja, r.en);
      li.appendChild(head);
      const fix = say(r.fix_ja, r.fix_en);
      if (fix) {
        const el = document.createElement("span");
        el.className = "fix";
        el.textContent = "→ " + fix;
        li.appendChild(el);
      }
      list.appendChild(li);
    });
  }

  function showCoverage(report) {
    const c = report.coverage, box = $("coverage");
    const failed = $("coverage-failed"), unchecked = $("coverage-unchecked");
    const names = (items) => items.map((i) => say(i.ja, i.en)).join(say("、", ", "));
    failed.hidden = !(c && c.failed.length);
    unchecked.hidden = !(c && c.not_checked.length);
    if (c && c.failed.length) failed.textContent = say("確認できなかったもの（検出器の失敗）: ", "Could not be checked (a detector failed): ") + names(c.failed);
    if (c && c.not_checked.length) unchecked.textContent = say("調べていないもの — 自分の目で確かめてください: ", "Not checked — look for these yourself: ") + names(c.not_checked);
    box.hidden = failed.hidden && unchecked.hidden;
  }

  function render() {
    if (!current) return;
    const report = current.report, v = report.verdict;
    $("result").hidden = false;
    const verdict = $("verdict");
    verdict.className = "verdict level-" + v.level;
    verdict.textContent = `${MARKS[v.level]} ${say(v.label_ja, v.label_en)}`;
    listReasons(v, drawBoxes(report));
    showCoverage(report);
    $("teen-help").hidden = !(report.profile === "teen" || v.level === "block");
    $("questions").hidden = !(v.questions && v.questions.length);
    const note = $("safe-note");
    note.hidden = !v.note_ja;
    note.textContent = v.note_ja ? "※ " + say(v.note_ja, v.note_en) : "";
    const help = $("help-lines");
    help.innerHTML = "";
    (v.help || []).forEach((h) => { const li = document.createElement("li"); li.textContent = say(h.ja, h.en); help.appendChild(li); });
    $("redact").hidden = v.level === "safe" && !report.findings.length;
  }

  function showRedactionSummary(header) {
    lastSummary = header;
    let s;
    try { s = JSON.parse(header || "{}"); } catch (e) { s = {}; }
    const el = $("redact-summary");
    el.hidden = false;
    const ok = s.verified ? say("再確認済み", "re-checked") : say("再確認できず", "not re-checked");
    el.textContent = say(
      `隠した箇所: ${s.covered ?? "?"}、取り除いた隠しデータ: ${s.stripped ?? "?"}（${ok}）。何も保存していません。`,
      `Covered: ${s.covered ?? "?"}, hidden data removed: ${s.stripped ?? "?"} (${ok}). Nothing was stored.`,
    );
  }

  async function redact() {
    if (!current) return;
    $("error").hidden = true;
    const button = $("redact");
    button.disabled = true;
    $("busy").hidden = false;
    try {
      const res = await fetch("/api/v1/redact?format=image", { method: "POST", body: profileForm(current.file) });
      if (!res.ok) { showError(await readProblem(res)); return; }
      const blob = await res.blob();
      resetRedaction();
      afterUrl = URL.createObjectURL(blob);
      $("after").src = afterUrl;
      $("after-stage").hidden = false;
      $("before-caption").hidden = false;
      const link = $("download");
      link.href = afterUrl;
      link.download = "redacted." + ({ "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" }[blob.type] || "png");
      link.hidden = false;
      showRedactionSummary(res.headers.get("X-Gazoguard-Redaction"));
      $("after").onload = render; // the before picture may have shrunk to sit beside the after one
    } catch (e) {
      showError({ message_ja: "サーバーに接続できません", message_en: "Cannot reach the server" });
    } finally {
      button.disabled = false;
      $("busy").hidden = true;
    }
  }

  function syncProfile() {
    const profile = $("profile").value;
    $("limits").hidden = profile !== "performer";
    document.querySelectorAll(".profile-note").forEach((p) => { p.hidden = p.dataset.profile !== profile; });
  }

  drop.addEventListener("click", () => fileInput.click());
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") fileInput.click(); });
  fileInput.addEventListener("change", () => fileInput.files[0] && check(fileInput.files[0]));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]); });
  document.addEventListener("paste", (e) => {
    const item = [...((e.clipboardData || {}).items || [])].find((i) => i.type.startsWith("image/"));
    if (item) check(item.getAsFile());
  });
  $("profile").addEventListener("change", () => { syncProfile(); if (current) check(current.file); });
  ["never_face", "never_room", "max_exposure"].forEach((id) => $(id).addEventListener("change", () => current && check(current.file)));
  $("redact").addEventListener("click", redact);
  // Done needs the three questions ticked and a place chosen ("where is it going?"); the chosen place says who can see it.
  function syncDone() {
    const place = document.querySelector(".dest:checked");
    document.querySelectorAll(".dest-advice").forEach((p) => { p.hidden = !place || p.dataset.destination !== place.value; });
    $("done").disabled = !([...document.querySelectorAll(".q")].every((q) => q.checked) && place);
  }
  document.querySelectorAll(".q, .dest").forEach((box) => box.addEventListener("change", syncDone));
  $("done").addEventListener("click", () => { $("done-note").hidden = false; });
  window.addEventListener("resize", render);
  document.addEventListener("gazoguard:lang", () => {
    render();
    if (!$("redact-summary").hidden) showRedactionSummary(lastSummary);
  });
  syncProfile();
})();
