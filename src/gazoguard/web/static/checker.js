// The pre-send checker: the picture stays in this browser tab; the server checks it in memory.
(function () {
  const $ = (id) => document.getElementById(id);
  const drop = $("drop"), fileInput = $("file"), photo = $("photo"), boxes = $("boxes");
  const MARKS = { safe: "◎", caution: "○", danger: "×", block: "⛔" };
  let current = null; // {file, report}

  function lang() { return window.gazoguardLang(); }

  function showError(problem) {
    const el = $("error");
    el.hidden = false;
    el.textContent = lang() === "ja" ? (problem.message_ja || "エラーが発生しました") : (problem.message_en || "Something went wrong");
  }

  async function check(file) {
    $("error").hidden = true;
    const form = new FormData();
    form.append("file", file, file.name || "pasted.png");
    form.append("profile", $("profile").value);
    drop.classList.add("busy");
    try {
      const res = await fetch("/api/v1/check", { method: "POST", body: form });
      const body = await res.json();
      if (!res.ok) { showError(body); return; }
      current = { file, report: body };
      if (photo.src) URL.revokeObjectURL(photo.src);
      photo.src = URL.createObjectURL(file);
      photo.onload = render;
      $("after-stage").hidden = true;
      $("download").hidden = true;
    } catch (e) {
      showError({ message_ja: "サーバーに接続できません", message_en: "Cannot reach the server" });
    } finally {
      drop.classList.remove("busy");
    }
  }

  function numbered(report) {
    const numbers = new Map();
    report.findings.forEach((f, i) => { if (f.box) numbers.set(i, numbers.size + 1); });
    return numbers;
  }

  function levelOf(report) {
    const levels = new Map();
    const rank = { safe: 0, caution: 1, danger: 2, block: 3 };
    report.verdict.reasons.forEach((r) => r.findings.forEach((i) => {
      if (!levels.has(i) || rank[r.level] > rank[levels.get(i)]) levels.set(i, r.level);
    }));
    return levels;
  }

  function render() {
    if (!current) return;
    const report = current.report, l = lang(), v = report.verdict;
    $("result").hidden = false;
    const verdict = $("verdict");
    verdict.className = "verdict level-" + v.level;
    verdict.textContent = `${MARKS[v.level]} ${l === "ja" ? v.label_ja : v.label_en}`;
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
    const list = $("reasons");
    list.innerHTML = "";
    if (!v.reasons.length) {
      const li = document.createElement("li");
      li.textContent = l === "ja" ? "問題は見つかりませんでした。" : "Nothing was found.";
      list.appendChild(li);
    }
    v.reasons.forEach((r) => {
      const li = document.createElement("li");
      li.className = "reason level-" + r.level;
      const refs = r.findings.filter((i) => numbers.has(i)).map((i) => numbers.get(i));
      li.innerHTML = "";
      const head = document.createElement("span");
      head.className = "reason-text";
      head.textContent = (refs.length ? `[${refs.join(",")}] ` : "") + (l === "ja" ? r.ja : r.en);
      const fix = document.createElement("span");
      fix.className = "fix";
      fix.textContent = "→ " + (l === "ja" ? r.fix_ja : r.fix_en);
      li.append(head, fix);
      list.appendChild(li);
    });
    $("help-link").hidden = !(report.profile === "teen" || v.level === "block");
    $("questions").hidden = !(v.questions && v.questions.length);
    $("redact").hidden = v.level === "safe";
  }

  async function redact() {
    if (!current) return;
    const form = new FormData();
    form.append("file", current.file, current.file.name || "pasted.png");
    form.append("profile", $("profile").value);
    const res = await fetch("/api/v1/redact?format=image", { method: "POST", body: form });
    if (!res.ok) { showError(await res.json()); return; }
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    $("after").src = url;
    $("after-stage").hidden = false;
    const link = $("download");
    link.href = url;
    link.hidden = false;
  }

  drop.addEventListener("click", () => fileInput.click());
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") fileInput.click(); });
  fileInput.addEventListener("change", () => fileInput.files[0] && check(fileInput.files[0]));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]); });
  document.addEventListener("paste", (e) => {
    const item = [...(e.clipboardData || {}).items || []].find((i) => i.type.startsWith("image/"));
    if (item) check(item.getAsFile());
  });
  $("profile").addEventListener("change", () => current && check(current.file));
  $("redact").addEventListener("click", redact);
  document.querySelectorAll(".q").forEach((box) => box.addEventListener("change", () => {
    $("done").disabled = ![...document.querySelectorAll(".q")].every((q) => q.checked);
  }));
  window.addEventListener("resize", render);
  document.addEventListener("gazoguard:lang", render);
})();
