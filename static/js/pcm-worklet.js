// AudioWorklet: the audio context's float samples → 16 kHz mono signed 16-bit PCM, posted
// to the page in frames of about 100 ms (1600 samples) as transferable ArrayBuffers.
//
// Downsampling averages the input samples that fall into each output sample (a box
// filter the width of the ratio): a cheap low-pass that keeps aliasing out of the speech
// band, which is all the server's recogniser uses. Works for any context rate ≥ 16 kHz
// (44.1 kHz gives a non-integer ratio: the window then alternates between 2 and 3 samples).
class Pcm16Downsampler extends AudioWorkletProcessor {
  constructor(options) {
    super();
    var opts = (options && options.processorOptions) || {};
    this.targetRate = opts.targetRate || 16000;
    this.frameSamples = opts.frameSamples || 1600;
    // `sampleRate` is the worklet scope's global: the context's rate.
    this.ratio = Math.max(1, sampleRate / this.targetRate);
    this.sum = 0;
    this.count = 0;
    this.position = 0;
    this.frame = new Int16Array(this.frameSamples);
    this.filled = 0;
    this.running = true;
    var self = this;
    this.port.onmessage = function (event) {
      if (event.data === "stop") { self.running = false; self.flush(); }
    };
  }

  emit(value) {
    var clamped = value > 1 ? 1 : value < -1 ? -1 : value;
    this.frame[this.filled++] = clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff;
    if (this.filled === this.frameSamples) { this.flush(); }
  }

  flush() {
    if (!this.filled) { return; }
    var out = this.frame.slice(0, this.filled);
    this.port.postMessage(out.buffer, [out.buffer]);
    this.filled = 0;
  }

  process(inputs) {
    var input = inputs[0];
    if (!this.running) { return false; }
    if (!input || !input.length) { return true; }
    var channels = input.length;
    var length = input[0].length;
    for (var i = 0; i < length; i++) {
      var mixed = 0;
      for (var c = 0; c < channels; c++) { mixed += input[c][i]; }
      this.sum += mixed / channels;
      this.count += 1;
      this.position += 1;
      if (this.position >= this.ratio) {
        this.emit(this.sum / this.count);
        this.position -= this.ratio;
        this.sum = 0;
        this.count = 0;
      }
    }
    return true;
  }
}

registerProcessor("pcm16-downsampler", Pcm16Downsampler);
