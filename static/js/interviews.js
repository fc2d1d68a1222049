// Interview room: answers go over the WebSocket, the question is read aloud, and the
// analysis appears without a reload. Without JavaScript (or when the socket cannot be
// opened) the answer form posts and the page reloads; nothing is lost either way.
(function () {
  "use strict";

  var room = document.querySelector("[data-testid=room]");
  if (!room) { return; }
  var form = room.querySelector("[data-testid=answer-form]");
  var textarea = form.querySelector("textarea");
  var button = form.querySelector("button[type=submit]");
  var status = room.querySelector("[data-room-status]");
  var questionText = room.querySelector("[data-testid=question-text]");
  var speakButton = room.querySelector("[data-speak]");
  var language = room.dataset.language === "zh" ? "zh-CN" : "en-US";
  var socket = null;
  var attempts = 0;
  var waiting = false;

  function speak(text) {
    if (!("speechSynthesis" in window)) { return; }
    window.speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    var voice = window.speechSynthesis.getVoices().filter(function (v) {
      return v.lang && v.lang.toLowerCase().indexOf(language.slice(0, 2).toLowerCase()) === 0;
    })[0];
    if (voice) { utterance.voice = voice; }
    window.speechSynthesis.speak(utterance);
  }

  if ("speechSynthesis" in window) {
    speakButton.hidden = false;
    speakButton.addEventListener("click", function () { speak(questionText.textContent); });
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + room.dataset.socketPath);
    socket.onopen = function () { attempts = 0; status.textContent = ""; };
    socket.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === "question") {
        var changed = questionText.textContent !== frame.question.text;
        questionText.textContent = frame.question.text;
        room.dataset.questionId = frame.question.id;
        if (changed) { speak(frame.question.text); }
        waiting = false;
        button.disabled = false;
        textarea.value = "";
        status.textContent = "";
      } else if (frame.type === "transcript") {
        status.textContent = room.dataset.heardLabel + " " + frame.text;
      } else if (frame.type === "analysis" || frame.type === "finished") {
        // The server renders analyses and summaries: reload to show them in place
        // (the reloaded page reconnects and gets the next question).
        window.location.reload();
      } else if (frame.type === "error") {
        waiting = false;
        button.disabled = false;
        if (record) { record.disabled = false; }
        status.textContent = frame.message;
      }
    };
    socket.onclose = function (event) {
      socket = null;
      if (event.code >= 4400 && event.code < 4500) { return; }  // refused: the form still works
      if (attempts < 3) {
        attempts += 1;
        status.textContent = room.dataset.offlineLabel;
        window.setTimeout(connect, 1000 * attempts);
      }
    };
  }

  form.addEventListener("submit", function (event) {
    if (!socket || socket.readyState !== WebSocket.OPEN || waiting) { return; }  // plain POST
    event.preventDefault();
    waiting = true;
    button.disabled = true;
    status.textContent = room.dataset.waitingLabel;
    socket.send(JSON.stringify({ type: "answer", text: textarea.value }));
  });

  // Spoken answers: the browser records (webm/opus), and the recording goes to the
  // server as binary frames when the candidate stops; the server transcribes it.
  var record = room.querySelector("[data-record]");
  var recorder = null;
  var chunks = [];
  if (window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    record.hidden = false;
    record.addEventListener("click", function () {
      if (recorder && recorder.state === "recording") { recorder.stop(); return; }
      if (!socket || socket.readyState !== WebSocket.OPEN || waiting) { return; }
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.ondataavailable = function (event) { if (event.data.size) { chunks.push(event.data); } };
        recorder.onstop = function () {
          stream.getTracks().forEach(function (track) { track.stop(); });
          record.textContent = record.dataset.startLabel;
          waiting = true;
          button.disabled = true;
          record.disabled = true;
          status.textContent = record.dataset.busyLabel;
          new Blob(chunks).arrayBuffer().then(function (buffer) {
            socket.send(buffer);
            socket.send(JSON.stringify({ type: "answer_end" }));
          });
        };
        recorder.start();
        record.textContent = record.dataset.stopLabel;
      }).catch(function () {
        status.textContent = record.dataset.deniedLabel;
        record.hidden = true;
      });
    });
  }

  connect();
  speak(questionText.textContent);
})();
