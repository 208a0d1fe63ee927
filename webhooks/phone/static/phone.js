/* The phone page: a dial pad, the call's transcript and an inspector of the app's requests.
 * Plain DOM code; every piece of data goes into the page through textContent or attributes,
 * never as HTML. */
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const KEYS = "0123456789*#";
  const SEND_AFTER_MS = 600; // keys typed in a row go to the Gather together
  const POLL_MS = 1500;

  const state = {
    call: null, // the last CallView from the server
    shownSteps: 0,
    shownRequests: 0,
    shownCallId: null,
    pending: "", // keys not sent yet
    sendTimer: null,
    busy: false,
    pollTimer: null,
  };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clock(seconds) {
    if (typeof seconds !== "number") return "";
    const minutes = Math.floor(seconds / 60);
    const rest = seconds - minutes * 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest.toFixed(1);
  }

  // -- errors -------------------------------------------------------------------------------

  function showError(message, details) {
    $("error-message").textContent = message;
    $("error-details").textContent = details || "";
    $("error-more").hidden = !details;
    $("error").hidden = false;
  }

  function clearError() {
    $("error").hidden = true;
  }

  class ApiError extends Error {
    constructor(message, details, status) {
      super(message);
      this.details = details;
      this.status = status;
    }
  }

  async function api(method, url, body) {
    const init = { method, headers: { Accept: "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (err) {
      throw new ApiError("Cannot reach the phone server: is it still running?", String(err), 0);
    }
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      throw new ApiError("The phone server answered " + response.status + " without JSON.", null, response.status);
    }
    if (!response.ok) {
      const error = (data && data.error) || {};
      const kind = error.type && error.type !== "PhoneError" ? error.type + ": " : "";
      throw new ApiError(kind + (error.message || "HTTP " + response.status), error.details, response.status);
    }
    return data;
  }

  async function guarded(action) {
    if (state.busy) return;
    state.busy = true;
    updateButtons();
    try {
      await action();
      clearError();
    } catch (err) {
      showError(err.message || String(err), err.details);
      if (err.status === 404 && state.call) stopPolling();
    } finally {
      state.busy = false;
      updateButtons();
    }
  }

  // -- rendering ----------------------------------------------------------------------------

  function inCall() {
    return state.call !== null && !state.call.ended;
  }

  function accepts(input) {
    return inCall() && (state.call.accepts || []).includes(input);
  }

  function updateButtons() {
    $("call").disabled = state.busy || inCall();
    $("hangup").disabled = !inCall();
    $("wait").disabled = state.busy || !inCall();
    $("record").disabled = state.busy || !accepts("recording");
    const speech = $("speech-form");
    const appears = speech.hidden && accepts("speech");
    speech.hidden = !accepts("speech");
    $("say").disabled = state.busy || !accepts("speech");
    // Only speech is listened for: typing goes straight into the phrase box.
    if (appears && !accepts("dtmf")) $("speech").focus();
  }

  // What the user can do at the element the call waits at, in one line.
  function hint(call) {
    if (call.ended) return call.doing || "";
    const keys = (call.accepts || []).includes("dtmf");
    const speech = (call.accepts || []).includes("speech");
    if (call.bridge) {
      const b = call.bridge;
      const parts = ["Talking to " + b.target + "."];
      if (b.hangup_on_star) parts.push("* hangs up the dialled call.");
      if (b.digits_match.length) parts.push("Keys " + b.digits_match.join(", ") + " go to callbackUrl.");
      parts.push("Wait: talk until they hang up.");
      return parts.join(" ");
    }
    if (call.waiting === "gather") {
      if (speech && keys) return "The Gather listens for keys or speech: press keys, or type a phrase and Say.";
      if (speech) return "The Gather listens for speech: type a phrase and press Say.";
      return "The Gather waits for keys; Wait lets it time out.";
    }
    if (call.waiting === "record") return "A Record is recording: Record leaves a message, Wait is silence.";
    if (call.waiting === "conference") return "In a conference room: Wait lets a minute pass, Hang up leaves.";
    if (call.waiting === "loop") return "A prompt loops until the call ends: Wait lets a minute pass.";
    return call.doing || "";
  }

  function render(call) {
    state.call = call;
    if (state.shownCallId !== call.id) {
      $("steps").replaceChildren();
      $("requests").replaceChildren();
      state.shownSteps = 0;
      state.shownRequests = 0;
      state.shownCallId = call.id;
    }
    const status = $("status");
    status.textContent = call.ended ? call.status : call.waiting ? call.status + " · waiting for " + call.waiting : call.status;
    status.dataset.status = call.status;
    $("clock").textContent = call.clock === null ? "" : "clock " + clock(call.clock);
    if ($("dial-outcome").value !== call.dial_outcome) $("dial-outcome").value = call.dial_outcome;
    const line = hint(call);
    $("hint").textContent = line;
    $("hint").hidden = !line;
    renderSteps(call.steps);
    renderLegs(call.legs || []);
    renderRequests(call.exchanges);
    renderNotes(call);
    $("steps-empty").hidden = call.steps.length > 0;
    $("requests-empty").hidden = call.exchanges.length > 0;
    $("request-count").textContent = call.exchanges.length ? "(" + call.exchanges.length + ")" : "";
    if (call.ended) {
      stopPolling();
      state.pending = "";
      $("display").textContent = "";
    } else {
      startPolling();
    }
    updateButtons();
  }

  function stepItem(step) {
    const text = el("div", { class: "text" }, step.text);
    if (step.kind === "play" || step.kind === "record") {
      if (step.url) {
        text.append(el("audio", { controls: true, preload: "none", src: step.url, "aria-label": "Audio: " + step.text }));
      } else if (step.kind === "play") {
        text.append(el("div", { class: "muted small" }, "remote file, not fetched"));
      }
    }
    const title = Object.entries(step.detail || {}).map(([k, v]) => k + ": " + v).join("\n");
    return el("li", { class: "kind-" + step.kind, title: title || null },
      el("span", { class: "at" }, clock(step.at)),
      el("span", {}, el("span", { class: "badge" }, step.kind)),
      text);
  }

  function renderSteps(steps) {
    const list = $("steps");
    for (let i = state.shownSteps; i < steps.length; i++) list.append(stepItem(steps[i]));
    if (steps.length > state.shownSteps) list.scrollTop = list.scrollHeight;
    state.shownSteps = steps.length;
  }

  // The calls the Dials placed: small, so drawn again on every update.
  function renderLegs(legs) {
    const list = $("legs");
    list.replaceChildren();
    for (const leg of legs) {
      const head = el("div", { class: "leg-head" },
        el("span", { class: "leg-target" }, leg.target),
        el("span", { class: "status", "data-status": leg.status }, leg.status),
        leg.answered_by === "machine" ? el("span", { class: "muted small" }, "answering machine") : null);
      const facts = el("div", { class: "muted small" },
        leg.digits_sent ? "Digits sent: " + leg.digits_sent : "No digits sent",
        " · ",
        leg.said.length ? "heard " + leg.said.length + (leg.said.length === 1 ? " prompt" : " prompts") : "heard no prompt");
      const steps = el("ol", { class: "steps leg-steps", "aria-label": "What " + leg.target + " heard" });
      for (const step of leg.steps) steps.append(stepItem(step));
      list.append(el("li", { class: "leg", "data-sid": leg.sid, title: leg.sid }, head, facts, leg.steps.length ? steps : null));
    }
    $("legs-box").hidden = legs.length === 0;
  }

  function renderXml(xml, problems) {
    const lines = new Set(problems.map((p) => p.line).filter((n) => typeof n === "number"));
    const pre = el("pre", { class: "xml", "aria-label": "InboundXML answer" });
    xml.replace(/\s+$/, "").split("\n").forEach((line, index) => {
      const n = index + 1;
      pre.append(el("span", { class: lines.has(n) ? "ln has-problem" : "ln", "data-n": n }, line || " "));
    });
    return pre;
  }

  function renderProblems(problems) {
    const list = el("ul", { class: "problems", "aria-label": "Validation problems" });
    for (const p of problems) {
      list.append(el("li", { "data-code": p.code },
        el("span", { class: "code" }, p.code),
        p.path ? el("span", { class: "where" }, p.path) : null,
        p.line ? el("span", { class: "where" }, "line " + p.line) : null,
        el("span", {}, p.message)));
    }
    return list;
  }

  function renderRequest(exchange, index) {
    const bad = exchange.error || exchange.traceback || exchange.problems.length > 0;
    const summary = el("summary", {},
      el("span", { class: "method" }, exchange.method),
      el("span", { class: "url" }, exchange.url),
      exchange.status === null ? null : el("span", { class: exchange.status >= 400 || exchange.status === 0 || exchange.traceback ? "http bad" : "http" }, exchange.status === 0 ? "no answer" : exchange.status === 404 ? "no route" : exchange.traceback ? exchange.status + " handler failed" : exchange.status),
      exchange.problems.length ? el("span", { class: "problem-count" }, exchange.problems.length + (exchange.problems.length === 1 ? " problem" : " problems")) : null);
    const body = el("div", { class: "body" });
    if (exchange.error) body.append(el("div", { class: "note error-note" }, exchange.error));
    if (exchange.traceback) body.append(el("h3", {}, "Traceback"), el("pre", { class: "traceback" }, exchange.traceback));
    const params = Object.entries(exchange.params);
    if (params.length) {
      const table = el("table", { class: "params" });
      for (const [name, value] of params) table.append(el("tr", {}, el("th", { scope: "row" }, name), el("td", {}, value)));
      body.append(el("h3", {}, "Parameters"), table);
    }
    if (exchange.problems.length) body.append(el("h3", {}, "Problems"), renderProblems(exchange.problems));
    if (exchange.xml !== null && exchange.xml !== "") body.append(el("h3", {}, "Answer"), renderXml(exchange.xml, exchange.problems));
    else body.append(el("h3", {}, "Answer"), el("p", { class: "muted small" }, "(no document)"));
    const details = el("details", { "data-auto": "1", "data-index": index }, summary, body);
    details.open = true;
    // Once the user opens or closes it, the page leaves it that way.
    summary.addEventListener("click", () => details.removeAttribute("data-auto"));
    return el("li", { class: bad ? "bad" : null }, details);
  }

  function renderRequests(exchanges) {
    const list = $("requests");
    if (exchanges.length > state.shownRequests) {
      for (const open of list.querySelectorAll("details[data-auto]")) {
        open.open = false;
        open.removeAttribute("data-auto");
      }
      for (let i = state.shownRequests; i < exchanges.length; i++) {
        const item = renderRequest(exchanges[i], i);
        list.append(item);
        const details = item.querySelector("details");
        details.setAttribute("data-auto", "1");
        if (i < exchanges.length - 1 && !(exchanges[i].problems.length || exchanges[i].error)) {
          details.open = false;
          details.removeAttribute("data-auto");
        }
      }
      list.lastElementChild.scrollIntoView({ block: "nearest" });
    }
    state.shownRequests = exchanges.length;
  }

  function renderNotes(call) {
    const notes = $("notes");
    notes.replaceChildren();
    for (const text of call.notifications) notes.append(el("div", { class: "note", role: "note" }, "Notification " + text));
    for (const record of call.log) {
      const note = el("div", { class: record.level === "warning" ? "note" : "note error-note" }, "App log (" + record.level + "): " + record.message);
      if (record.details) note.append(el("details", {}, el("summary", {}, "Traceback"), el("pre", {}, record.details)));
      notes.append(note);
    }
  }

  // -- actions ------------------------------------------------------------------------------

  function startCall() {
    return guarded(async () => {
      state.pending = "";
      $("display").textContent = "";
      const call = await api("POST", "/api/calls", {
        from: $("from").value,
        to: $("to").value,
        path: $("path").value,
        dial_outcome: $("dial-outcome").value,
      });
      render(call);
    });
  }

  function callUrl(action) {
    return "/api/calls/" + encodeURIComponent(state.call.id) + (action ? "/" + action : "");
  }

  function flushKeys() {
    clearTimeout(state.sendTimer);
    state.sendTimer = null;
    const digits = state.pending;
    state.pending = "";
    if (!digits || !inCall()) return Promise.resolve();
    return guarded(async () => render(await api("POST", callUrl("press"), { digits })));
  }

  function pressKey(key) {
    const button = document.querySelector('.key[data-key="' + CSS.escape(key) + '"]');
    if (button) {
      button.classList.add("pressed");
      setTimeout(() => button.classList.remove("pressed"), 150);
    }
    if (!inCall()) {
      showError("Not in a call: press Call first.");
      return;
    }
    $("display").textContent += key;
    state.pending += key;
    clearTimeout(state.sendTimer);
    if (key === "#") flushKeys();
    else state.sendTimer = setTimeout(flushKeys, SEND_AFTER_MS);
  }

  function waitForInput() {
    if (!inCall()) return;
    guarded(async () => render(await api("POST", callUrl("wait"))));
  }

  function sayPhrase(event) {
    event.preventDefault();
    const text = $("speech").value.trim();
    if (!accepts("speech")) return;
    if (!text) {
      showError("Type what the caller says first.");
      return;
    }
    guarded(async () => {
      render(await api("POST", callUrl("say"), { text }));
      $("speech").value = "";
    });
  }

  function leaveRecording() {
    if (!inCall()) return;
    const seconds = Number($("record-seconds").value) || 5;
    guarded(async () => render(await api("POST", callUrl("record"), { seconds })));
  }

  function hangUp() {
    if (!inCall()) return;
    clearTimeout(state.sendTimer);
    state.pending = "";
    state.busy = false;
    guarded(async () => render(await api("POST", callUrl("hangup"))));
  }

  function chooseOutcome() {
    if (!inCall()) return;
    const outcome = $("dial-outcome").value;
    guarded(async () => render(await api("POST", callUrl("dial"), { outcome })));
  }

  function startPolling() {
    if (state.pollTimer === null) state.pollTimer = setInterval(poll, POLL_MS);
  }

  function stopPolling() {
    clearInterval(state.pollTimer);
    state.pollTimer = null;
  }

  async function poll() {
    if (state.busy || !inCall() || state.pending) return;
    try {
      render(await api("GET", callUrl()));
    } catch (err) {
      stopPolling();
      showError(err.message, err.details);
    }
  }

  // -- wiring -------------------------------------------------------------------------------

  function onKeyDown(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const tag = event.target && event.target.tagName;
    const typing = tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA";
    if (event.key === "Escape") {
      if (inCall()) {
        event.preventDefault();
        hangUp();
      }
      return;
    }
    if (typing) {
      if (event.key === "Enter" && tag === "INPUT" && !inCall()) {
        event.preventDefault();
        startCall();
      }
      return;
    }
    if (KEYS.includes(event.key)) {
      event.preventDefault();
      pressKey(event.key);
    } else if (event.key === "Enter" && tag !== "BUTTON" && tag !== "SUMMARY" && !inCall()) {
      event.preventDefault();
      startCall();
    }
  }

  async function init() {
    for (const button of document.querySelectorAll(".key")) {
      button.addEventListener("click", () => pressKey(button.dataset.key));
    }
    $("call").addEventListener("click", startCall);
    $("hangup").addEventListener("click", hangUp);
    $("wait").addEventListener("click", waitForInput);
    $("record").addEventListener("click", leaveRecording);
    $("speech-form").addEventListener("submit", sayPhrase);
    $("dial-outcome").addEventListener("change", chooseOutcome);
    $("error-close").addEventListener("click", clearError);
    document.addEventListener("keydown", onKeyDown);
    updateButtons();
    try {
      const info = await api("GET", "/api/info");
      $("app-name").textContent = info.app;
      $("reload-note").textContent = info.reloads ? "· reloaded when its code changes" : "";
      $("from").value = info.from;
      $("to").value = info.to;
      $("path").value = info.path;
      const select = $("dial-outcome");
      for (const outcome of info.dial_outcomes) select.append(el("option", { value: outcome }, outcome));
      document.body.dataset.ready = "true";
    } catch (err) {
      showError(err.message, err.details);
    }
  }

  document.addEventListener("DOMContentLoaded", init);
})();
