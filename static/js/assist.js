// Live assist console: captures the microphone (and optionally the interview tab) as
// 16 kHz PCM16, streams it over the audio sockets, and renders what comes back —
// transcripts, one card per detected question, its answer points — de-duplicating the
// frames every (re)connection replays. Typed questions, pause/resume and end go over the
// control socket. Sockets reconnect by themselves (3 attempts with backoff) and keep
// everything already on the page.
(function () {
  "use strict";

  var root = document.querySelector("[data-testid=console]");
  var configNode = document.getElementById("assist-config");
  if (!root || !configNode) { return; }
  var config = JSON.parse(configNode.textContent);
  var L = config.labels;
  var script = document.getElementById("assist-script");
  var workletUrl = script ? script.dataset.worklet : "/static/js/pcm-worklet.js";

  var TARGET_RATE = 16000;
  var FRAME_SAMPLES = 1600;  // 100 ms at 16 kHz: small enough for quick partials
  var MAX_ATTEMPTS = 3;
  var BACKOFF_MS = [1000, 2000, 4000];
  var OVERLOAD_RETRY_MS = 5000;  // capacity frees up in seconds, not milliseconds
  // Audio captured while a socket reconnects is kept this long and sent on reopen, so a
  // question asked during a short drop is still heard (older audio is dropped).
  var MAX_PENDING_FRAMES = 30;
  var FATAL_CODES = { 4400: true, 4401: true, 4403: true, 4404: true };

  var $ = function (selector) { return document.querySelector(selector); };
  var els = {
    status: $("[data-testid=assist-status]"),
    toolbar: root.querySelector("[data-toolbar]"),
    listenHint: root.querySelector("[data-listen-hint]"),
    listen: root.querySelector("[data-action=listen]"),
    tab: root.querySelector("[data-action=tab]"),
    pause: root.querySelector("[data-action=pause]"),
    endForm: root.querySelector("[data-end-form]"),
    end: root.querySelector("[data-testid=end]"),
    latency: root.querySelector("[data-latency-text]"),
    alerts: root.querySelector("[data-alerts]"),
    lost: root.querySelector("[data-lost]"),
    lostText: root.querySelector("[data-lost-text]"),
    reconnect: root.querySelector("[data-action=reconnect]"),
    typedForm: root.querySelector("[data-typed-form]"),
    typedInput: root.querySelector("#typed-question"),
    typedHint: root.querySelector("[data-typed-hint]"),
    ask: root.querySelector("[data-testid=ask]"),
    cards: $("[data-cards]"),
    cardsEmpty: $("[data-cards-empty]"),
    lines: $("[data-lines]"),
    partials: $("[data-partials]"),
    transcript: $("[data-testid=transcript]"),
    transcriptEmpty: $("[data-transcript-empty]"),
    announce: $("[data-announce]")
  };

  var state = { status: config.status, capturing: false, tab: false };
  var segments = {};       // segment_id → what the page shows for it
  var latencies = {};      // segment_id → latest latency_ms of its suggestion
  var lastLatency = null;
  var partialLines = {};   // channel → its greyed partial line

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
    });
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function segment(id) {
    if (!segments[id]) { segments[id] = { id: id }; }
    return segments[id];
  }

  var capture = {
    supported: Boolean(window.AudioContext && window.AudioWorkletNode &&
      navigator.mediaDevices && navigator.mediaDevices.getUserMedia),
    context: null,
    ready: null,
    mic: null,
    tab: null
  };

  // --- Sockets ----------------------------------------------------------------------

  function socketUrl(path) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + window.location.host + path;
  }

  function Link(name, path, options) {
    this.name = name;
    this.path = path;
    this.options = options || {};
    this.socket = null;
    this.attempts = 0;
    this.wanted = false;
    this.retrying = false;
    this.failed = false;
    this.timer = null;
    this.pending = [];
    this.opens = 0;
    this.ready = false;
  }

  Link.prototype.open = function () {
    var link = this;
    window.clearTimeout(link.timer);
    if (link.socket) {  // a socket still connecting is replaced, not leaked
      var previous = link.socket;
      link.socket = null;
      previous.close(1000);
    }
    link.wanted = true;
    link.failed = false;
    var socket = new WebSocket(socketUrl(link.path));
    socket.binaryType = "arraybuffer";
    link.socket = socket;
    link.ready = false;
    socket.onopen = function () { link.opens += 1; };
    socket.onmessage = function (event) {
      if (typeof event.data !== "string") { return; }
      var frame;
      try { frame = JSON.parse(event.data); } catch (err) { return; }
      // The server accepts every socket before it checks it (owner, capacity): only its
      // first status frame says the socket is in service, and only then do the attempts
      // start again from zero (a socket refused at once counts as a failed attempt).
      if (frame.type === "status" && !link.ready && link.socket === socket) { link.served(); }
      onFrame(frame, link);
    };
    socket.onclose = function (event) {
      if (link.socket !== socket) { return; }
      link.socket = null;
      link.ready = false;
      link.closed(event.code);
    };
    refresh();
  };

  Link.prototype.served = function () {
    this.ready = true;
    this.attempts = 0;
    this.retrying = false;
    dropAlert("overloaded-" + this.name);
    if (this.options.onOpen) { this.options.onOpen(this); }
    refresh();
  };

  Link.prototype.closed = function (code) {
    var link = this;
    if (!link.wanted || state.status === "ended") { link.wanted = false; refresh(); return; }
    if (FATAL_CODES[code]) {  // signed out, not yours, gone: retrying cannot help
      link.failed = true;
      link.retrying = false;
      showLost(L.forbidden, false);
      refresh();
      return;
    }
    if (link.attempts >= MAX_ATTEMPTS) {
      link.failed = true;
      link.retrying = false;
      showLost(L.lost, true);
      refresh();
      return;
    }
    link.attempts += 1;
    link.retrying = true;
    var delay = BACKOFF_MS[link.attempts - 1];
    if (code === 4429) {
      delay = OVERLOAD_RETRY_MS * link.attempts;
      showAlert("overloaded-" + link.name, format(L.overloaded, { seconds: delay / 1000 }), "warning");
    }
    link.timer = window.setTimeout(function () { link.open(); }, delay);
    refresh();
  };

  Link.prototype.close = function () {
    this.wanted = false;
    this.ready = false;
    this.retrying = false;
    this.pending = [];
    window.clearTimeout(this.timer);
    if (this.socket) {
      var socket = this.socket;
      this.socket = null;
      socket.close(1000);
    }
  };

  Link.prototype.isOpen = function () {
    return Boolean(this.ready && this.socket && this.socket.readyState === WebSocket.OPEN);
  };

  Link.prototype.send = function (data) {
    if (!this.isOpen()) { return false; }
    this.socket.send(data);
    return true;
  };

  Link.prototype.sendJson = function (frame) { return this.send(JSON.stringify(frame)); };

  Link.prototype.sendAudio = function (buffer) {
    if (this.send(buffer)) { return; }
    this.pending.push(buffer);
    if (this.pending.length > MAX_PENDING_FRAMES) { this.pending.shift(); }
  };

  function configureAudio(link) {
    link.sendJson({ type: "config", sample_rate: TARGET_RATE, language: config.language });
    var pending = link.pending;
    link.pending = [];
    pending.forEach(function (buffer) { link.send(buffer); });
  }

  // The interviewer socket is opened at once: it replays the session (a reload loses
  // nothing) and reports the status. The candidate socket only while the tab is captured.
  var audioLink = new Link("interviewer", config.audioPath + "?channel=interviewer", { onOpen: configureAudio });
  var candidateLink = new Link("candidate", config.audioPath + "?channel=candidate", { onOpen: configureAudio });
  var controlLink = new Link("control", config.controlPath);
  var links = [audioLink, candidateLink, controlLink];

  // --- Frames -----------------------------------------------------------------------

  var replayed = 0;

  function onFrame(frame, link) {
    if (frame.replay) { replayed += 1; }
    if (frame.type === "status") { setStatus(frame.state); }
    else if (frame.type === "transcript") { onTranscript(frame); }
    else if (frame.type === "question") { onQuestion(frame); }
    else if (frame.type === "suggestion") { onSuggestion(frame); }
    else if (frame.type === "used") { showUsed(frame.segment_id, frame.used); }
    else if (frame.type === "error") { onError(frame, link); }
  }

  function setStatus(value) {
    if (["active", "paused", "ended"].indexOf(value) < 0) { return; }
    var was = state.status;
    state.status = value;
    if (value === "ended" && was !== "ended") { onEnded(); }
    refresh();
  }

  function scrollTranscript(update) {
    var box = els.transcript;
    var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    update();
    var partialShown = Object.keys(partialLines).some(function (key) { return !partialLines[key].hidden; });
    els.transcriptEmpty.hidden = Boolean(els.lines.children.length) || partialShown;
    if (atBottom) { box.scrollTop = box.scrollHeight; }
  }

  function channelOf(frame) { return frame.channel === "candidate" ? "candidate" : "interviewer"; }

  function onTranscript(frame) {
    if (!frame.segment_id || typeof frame.text !== "string") { return; }
    var seg = segment(frame.segment_id);
    var channel = channelOf(frame);
    if (!frame.final) {
      if (seg.line) { return; }  // a late partial: the final is already shown
      scrollTranscript(function () {
        var partial = partialLines[channel];
        if (!partial) {
          partial = make("p", "transcript__partial transcript__partial--" + channel);
          partial.dataset.testid = "partial";
          partial.appendChild(make("span", "line__who", L.channels[channel]));
          partial.appendChild(make("span", "line__text"));
          partialLines[channel] = partial;
          els.partials.appendChild(partial);
        }
        partial.dataset.segment = frame.segment_id;
        partial.lastChild.textContent = frame.text;
        partial.hidden = false;
      });
      return;
    }
    scrollTranscript(function () {
      var partialLine = partialLines[channel];
      if (partialLine && partialLine.dataset.segment === frame.segment_id) { partialLine.hidden = true; }
      if (seg.line) { seg.line.querySelector(".line__text").textContent = frame.text; return; }
      var line = make("li", "line line--" + channel);
      line.dataset.segment = frame.segment_id;
      line.dataset.testid = "transcript-line";
      line.appendChild(make("span", "line__who", L.channels[channel]));
      var text = make("span", "line__text", frame.text);
      line.appendChild(text);
      if (frame.source === "text") {
        line.classList.add("line--typed");
        line.firstChild.appendChild(make("span", "line__typed", " · " + L.typed));
      }
      seg.line = line;
      seg.text = frame.text;
      els.lines.appendChild(line);
    });
  }

  function badge(className, text) {
    return make("span", "badge " + className, text);
  }

  function cardFor(id, text) {
    var seg = segment(id);
    if (seg.card) { return seg.card; }
    var card = make("article", "assist-card card");
    card.id = "q-" + id;
    card.dataset.testid = "question-card";
    card.dataset.segment = id;
    card.tabIndex = -1;
    var meta = make("p", "question__meta");
    meta.appendChild(badge("badge--type", ""));
    meta.appendChild(badge("badge--confidence", ""));
    var competency = badge("badge--competency", "");
    competency.hidden = true;
    meta.appendChild(competency);
    var source = badge("badge--source", "");
    source.hidden = true;
    source.dataset.testid = "source-badge";
    meta.appendChild(source);
    var again = badge("badge--again", "");
    again.hidden = true;
    again.dataset.testid = "asked-again-count";
    meta.appendChild(again);
    card.appendChild(meta);
    card.appendChild(make("p", "assist-card__question", text || seg.text || ""));
    var title = make("h3", "assist-card__title");
    title.hidden = true;
    card.appendChild(title);
    var points = make("ul", "assist-card__points");
    points.dataset.testid = "suggestion-points";
    card.appendChild(points);
    var details = make("details", "assist-card__details");
    details.appendChild(make("summary", "", L.details));
    details.appendChild(make("p", "assist-card__detail"));
    details.hidden = true;
    card.appendChild(details);
    card.appendChild(make("p", "assist-card__note muted small", L.waiting));
    // "I used this": counted in the session's report (what helped, what to prepare).
    var used = make("button", "button button--ghost button--small assist-card__used", L.markUsed);
    used.type = "button";
    used.hidden = true;
    used.dataset.testid = "mark-used";
    used.setAttribute("aria-pressed", "false");
    used.addEventListener("click", function () {
      var next = used.getAttribute("aria-pressed") !== "true";
      if (controlLink.sendJson({ type: "used", segment_id: id, used: next })) { showUsed(id, next); }
    });
    card.appendChild(used);
    seg.card = card;
    els.cards.insertBefore(card, els.cards.firstChild);
    els.cardsEmpty.hidden = true;
    return card;
  }

  function onQuestion(frame) {
    if (!frame.segment_id) { return; }
    var seg = segment(frame.segment_id);
    if (frame.repeat_of) { onRepeat(frame, seg); return; }
    var card = cardFor(frame.segment_id, frame.text);
    var type = frame.question_type || "";
    card.dataset.questionType = type;
    var typeBadge = card.querySelector(".badge--type");
    typeBadge.className = "badge badge--type badge--" + type;
    typeBadge.textContent = L.questionTypes[type] || type;
    typeBadge.dataset.testid = "question-type";
    if (typeof frame.confidence === "number") {
      card.querySelector(".badge--confidence").textContent = format(L.confidence, {
        value: Math.round(frame.confidence * 100)
      });
    }
    if (frame.competency) {
      var competency = card.querySelector(".badge--competency");
      competency.textContent = L.competencies[frame.competency] || frame.competency;
      competency.hidden = false;
    }
    if (frame.text) { card.querySelector(".assist-card__question").textContent = frame.text; }
    if (seg.line) { seg.line.classList.add("line--question"); }
  }

  function onRepeat(frame, seg) {
    if (seg.repeat) { return; }  // replayed: already shown
    var earlier = segments[frame.repeat_of] && segments[frame.repeat_of].card;
    var note = make("p", "assist-repeat");
    note.dataset.testid = "asked-again";
    note.dataset.segment = frame.segment_id;
    note.appendChild(make("strong", "", L.askedAgain + ": "));
    note.appendChild(make("span", "", "“" + (frame.text || "") + "” "));
    if (earlier) {
      var link = make("a", "", L.seeEarlier);
      link.href = "#q-" + frame.repeat_of;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        earlier.scrollIntoView({ behavior: "smooth", block: "center" });
        earlier.focus({ preventScroll: true });
        flash(earlier);
      });
      note.appendChild(link);
      var count = (Number(earlier.dataset.askedAgain) || 0) + 1;
      earlier.dataset.askedAgain = String(count);
      var again = earlier.querySelector(".badge--again");
      again.textContent = format(L.askedAgainCount, { count: count });
      again.hidden = false;
      if (!frame.replay) { flash(earlier); }
    }
    seg.repeat = note;
    els.cards.insertBefore(note, els.cards.firstChild);
    els.cardsEmpty.hidden = true;
    if (seg.line) { seg.line.classList.add("line--question"); }
  }

  function flash(card) {
    card.classList.remove("assist-card--flash");
    void card.offsetWidth;  // restart the animation
    card.classList.add("assist-card--flash");
  }

  function showUsed(id, used) {
    var seg = segment(id);
    if (!seg.card) { return; }
    var button = seg.card.querySelector(".assist-card__used");
    button.setAttribute("aria-pressed", used ? "true" : "false");
    button.textContent = used ? L.used : L.markUsed;
    seg.card.classList.toggle("assist-card--used", !!used);
  }

  function onSuggestion(frame) {
    if (!frame.segment_id || !Array.isArray(frame.points)) { return; }
    var seg = segment(frame.segment_id);
    var card = cardFor(frame.segment_id, seg.text);
    if (!card.dataset.questionType && frame.question_type) {
      onQuestion({ segment_id: frame.segment_id, question_type: frame.question_type });
    }
    var title = card.querySelector(".assist-card__title");
    title.textContent = frame.title || "";
    title.hidden = !frame.title;
    var list = card.querySelector(".assist-card__points");
    // A model streams its points: each frame carries the whole list so far.
    list.textContent = "";
    frame.points.forEach(function (point) { list.appendChild(make("li", "", point)); });
    var details = card.querySelector(".assist-card__details");
    details.querySelector(".assist-card__detail").textContent = frame.detail || "";
    details.hidden = !frame.detail;
    var source = card.querySelector(".badge--source");
    var kind = frame.source === "llm" ? "llm" : "template";
    source.className = "badge badge--source badge--source-" + kind;
    source.textContent = L.sources[kind];
    source.hidden = false;
    var note = card.querySelector(".assist-card__note");
    note.textContent = frame.final === false ? L.refining : "";
    note.hidden = frame.final !== false;
    card.dataset.final = frame.final === false ? "false" : "true";
    card.querySelector(".assist-card__used").hidden = false;
    if (typeof frame.used === "boolean") { showUsed(frame.segment_id, frame.used); }
    if (typeof frame.latency_ms === "number") {
      latencies[frame.segment_id] = frame.latency_ms;
      lastLatency = frame.latency_ms;
      showLatency();
    }
    if (!frame.replay && !seg.announced) {
      seg.announced = true;
      announce(format(L.newSuggestion, { question: seg.text || frame.title || "" }) + " " + frame.points.join("; "));
    }
  }

  function showLatency() {
    var values = Object.keys(latencies).map(function (key) { return latencies[key]; });
    if (!values.length) { return; }
    values.sort(function (a, b) { return a - b; });
    var middle = Math.floor(values.length / 2);
    var median = values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    els.latency.textContent = format(L.latency, { last: Math.round(lastLatency), median: Math.round(median) });
  }

  function announce(text) {
    els.announce.textContent = "";
    window.setTimeout(function () { els.announce.textContent = text; }, 50);
  }

  function onError(frame, link) {
    if (frame.code === "overloaded") { return; }  // the 4429 close that follows retries
    if (frame.replay) { return; }
    showAlert("error-" + (frame.code || "unknown"), frame.message || frame.code, "error");
    if (frame.action === "text_input") { promptTyping(); }
    if (frame.action === "reconnect" && link) { showLost(frame.message || L.lost, true); }
  }

  // --- Alerts -----------------------------------------------------------------------

  function showAlert(key, message, tone) {
    var existing = els.alerts.querySelector("[data-key='" + key + "']");
    if (existing) { existing.querySelector(".alert__text").textContent = message; return; }
    var alert = make("div", "message alert message--" + (tone || "error"));
    alert.setAttribute("role", "alert");
    alert.dataset.key = key;
    alert.dataset.testid = "assist-alert";
    alert.appendChild(make("span", "alert__text", message));
    var close = make("button", "alert__close", "×");
    close.type = "button";
    close.setAttribute("aria-label", L.dismiss);
    close.addEventListener("click", function () { alert.remove(); });
    alert.appendChild(close);
    els.alerts.appendChild(alert);
  }

  function dropAlert(key) {
    var existing = els.alerts.querySelector("[data-key='" + key + "']");
    if (existing) { existing.remove(); }
  }

  function showLost(message, canRetry) {
    els.lostText.textContent = message;
    els.reconnect.hidden = !canRetry;
    els.lost.hidden = false;
  }

  function promptTyping() {
    if (state.status === "ended") { return; }
    els.typedHint.hidden = false;
    els.typedForm.classList.add("typed-question--prominent");
    els.typedInput.focus();
  }

  els.reconnect.addEventListener("click", function () {
    els.lost.hidden = true;
    links.forEach(function (link) {
      if (link.failed || (link.wanted && !link.socket)) { link.attempts = 0; link.open(); }
    });
    if (!controlLink.socket && state.status !== "ended") { controlLink.open(); }
  });

  // --- Status and buttons -----------------------------------------------------------

  function shownStatus() {
    if (state.status === "ended") { return "ended"; }
    var wanted = links.filter(function (link) { return link.wanted || link.failed; });
    if (wanted.some(function (link) { return link.failed; })) { return "offline"; }
    if (wanted.some(function (link) { return link.retrying; })) { return "reconnecting"; }
    if (wanted.some(function (link) { return !link.isOpen(); })) { return "connecting"; }
    if (state.status === "paused") { return "paused"; }
    return state.capturing || state.tab ? "listening" : "ready";
  }

  function refresh() {
    var shown = shownStatus();
    els.status.textContent = L.status[shown];
    els.status.dataset.state = shown;
    els.status.className = "status-pill status-pill--" + shown;
    var ended = state.status === "ended";
    var controllable = controlLink.isOpen() && !ended;
    els.listen.disabled = ended || !capture.supported;
    els.listen.textContent = state.capturing ? L.stopListening : L.startListening;
    els.listen.setAttribute("aria-pressed", String(state.capturing));
    els.tab.disabled = ended;
    els.tab.textContent = state.tab ? L.stopTab : L.captureTab;
    els.tab.setAttribute("aria-pressed", String(state.tab));
    els.pause.disabled = !controllable;
    els.pause.textContent = state.status === "paused" ? L.resume : L.pause;
    els.end.disabled = ended;
    els.ask.disabled = !controllable || state.status !== "active";
    els.typedForm.hidden = ended;
    els.toolbar.classList.toggle("console-toolbar--ended", ended);
    els.listenHint.hidden = ended;
    // The "connection lost" box goes once every socket is back (not the "forbidden" one).
    if (!els.reconnect.hidden && !links.some(function (link) { return link.failed; })) {
      els.lost.hidden = true;
    }
  }

  function onEnded() {
    stopCapture();
    links.forEach(function (link) { link.wanted = false; window.clearTimeout(link.timer); });
    candidateLink.close();
    els.lost.hidden = true;
    if (!document.querySelector("[data-testid=ended-note]")) {
      var note = make("p", "message message--success", L.ended + " ");
      note.dataset.testid = "ended-note";
      var report = make("a", "", L.seeReport);
      report.href = config.reportPath;
      report.dataset.testid = "report-link";
      note.appendChild(report);
      els.alerts.parentNode.insertBefore(note, els.alerts);
    }
  }

  els.pause.addEventListener("click", function () {
    controlLink.sendJson({ type: state.status === "paused" ? "resume" : "pause" });
  });

  els.endForm.addEventListener("submit", function (event) {
    if (!window.confirm(L.confirmEnd)) { event.preventDefault(); return; }
    // Over the socket when it is open; otherwise the form posts (same outcome).
    if (controlLink.sendJson({ type: "end" })) { event.preventDefault(); }
  });

  els.typedForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = els.typedInput.value.trim();
    if (!text) { return; }
    if (controlLink.sendJson({ type: "text", text: text })) {
      els.typedInput.value = "";
      els.typedHint.hidden = true;
      els.typedForm.classList.remove("typed-question--prominent");
    }
  });

  // --- Audio capture ----------------------------------------------------------------


  function audioContext() {
    if (!capture.ready) {
      capture.context = new window.AudioContext();
      capture.ready = capture.context.audioWorklet.addModule(workletUrl).then(function () {
        return capture.context;
      });
    }
    if (capture.context.state === "suspended") { capture.context.resume(); }
    return capture.ready;
  }

  // One stream → one worklet; `sink` gets each ~100 ms PCM16 frame.
  function tap(context, stream, sink) {
    var source = context.createMediaStreamSource(stream);
    var node = new window.AudioWorkletNode(context, "pcm16-downsampler", {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      processorOptions: { targetRate: TARGET_RATE, frameSamples: FRAME_SAMPLES }
    });
    // The worklet must be pulled by the graph to run; its output is silence, muted anyway.
    var mute = context.createGain();
    mute.gain.value = 0;
    node.port.onmessage = function (event) { sink(event.data); };
    source.connect(node);
    node.connect(mute);
    mute.connect(context.destination);
    return { stream: stream, source: source, node: node, mute: mute };
  }

  function untap(tapped) {
    if (!tapped) { return; }
    tapped.node.port.postMessage("stop");
    tapped.stream.getTracks().forEach(function (track) { track.stop(); });
    window.setTimeout(function () {
      tapped.source.disconnect();
      tapped.node.disconnect();
      tapped.mute.disconnect();
    }, 200);
  }

  function send(link, buffer) {
    if (state.status !== "active") { return; }  // paused: nothing is heard, nothing is sent
    if (link === candidateLink && !candidateLink.wanted) { candidateLink.open(); }
    link.sendAudio(buffer);
  }

  // Silence after the last words lets the server end the utterance it was hearing.
  function sendSilence(link) {
    if (!link.isOpen() || state.status !== "active") { return; }
    var samples = Math.round(TARGET_RATE * (config.silenceMs + 400) / 1000);
    link.send(new Int16Array(samples).buffer);
  }

  function micLink() { return state.tab ? candidateLink : audioLink; }

  function startListening() {
    if (!capture.supported) { showAlert("capture", L.noWorklet, "error"); promptTyping(); return; }
    els.listen.disabled = true;
    var constraints = { audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true } };
    navigator.mediaDevices.getUserMedia(constraints).then(function (stream) {
      return audioContext().then(function (context) {
        if (state.status === "ended") { stream.getTracks().forEach(function (t) { t.stop(); }); return; }
        capture.mic = tap(context, stream, function (buffer) { send(micLink(), buffer); });
        state.capturing = true;
        dropAlert("capture");
      });
    }).catch(function (err) {
      showAlert("capture", format(L.micDenied, { reason: (err && err.name) || "error" }), "error");
      promptTyping();
    }).then(refresh);
  }

  function stopCapture() {
    if (capture.mic) { sendSilence(micLink()); untap(capture.mic); capture.mic = null; }
    if (capture.tab) { sendSilence(audioLink); untap(capture.tab); capture.tab = null; }
    state.capturing = false;
    state.tab = false;
    candidateLink.close();
    refresh();
  }

  function startTab() {
    navigator.mediaDevices.getDisplayMedia({ audio: true, video: true }).then(function (stream) {
      var tracks = stream.getAudioTracks();
      // Only the voice is wanted: the picture is dropped at once.
      stream.getVideoTracks().forEach(function (track) { track.stop(); stream.removeTrack(track); });
      if (!tracks.length) { showAlert("tab", L.noTabAudio, "error"); return null; }
      return audioContext().then(function (context) {
        var voice = new MediaStream(tracks);
        tracks[0].addEventListener("ended", stopTab);
        if (capture.mic) { sendSilence(audioLink); }  // the mic's last words end on the old socket
        capture.tab = tap(context, voice, function (buffer) { send(audioLink, buffer); });
        state.tab = true;
        dropAlert("tab");
      });
    }).catch(function (err) {
      if (err && err.name === "NotAllowedError") { return; }  // the candidate cancelled
      showAlert("tab", L.tabUnsupported, "error");
    }).then(refresh);
  }

  function stopTab() {
    if (!capture.tab) { return; }
    if (capture.mic) { sendSilence(candidateLink); }
    untap(capture.tab);
    capture.tab = null;
    state.tab = false;
    candidateLink.close();
    refresh();
  }

  els.listen.addEventListener("click", function () {
    if (state.capturing) { stopCapture(); } else { startListening(); }
  });

  if (capture.supported && navigator.mediaDevices.getDisplayMedia) {
    els.tab.hidden = false;
    els.tab.addEventListener("click", function () {
      if (state.tab) { stopTab(); } else { startTab(); }
    });
  }

  // Exposed for the browser tests (drop a socket, read what is shown).
  window.__assist = {
    get audioSocket() { return audioLink.socket; },
    get candidateSocket() { return candidateLink.socket; },
    get controlSocket() { return controlLink.socket; },
    links: links,
    segments: segments,
    latencies: latencies,
    get replayed() { return replayed; },
    state: state
  };

  if (!capture.supported && state.status !== "ended") { showAlert("capture", L.noWorklet, "warning"); }
  audioLink.open();
  if (state.status !== "ended") { controlLink.open(); }
  refresh();
})();
