"""Make peninsula/demo/media/explainer.webm, the demo's eight-second film (VP8 and Opus,
640x360, about 170 kB): a canvas animation and a pentatonic tone recorded by Chromium's
MediaRecorder, so no video encoder is needed. Run once; the file is shipped with the package.

    .venv/bin/python scripts/make_demo_video.py
"""

import base64
from pathlib import Path

from playwright.sync_api import sync_playwright

OUTPUT = Path(__file__).resolve().parents[1] / "peninsula" / "demo" / "media" / "explainer.webm"
JS = """
async () => {
  const c = document.createElement('canvas'); c.width = 640; c.height = 360; document.body.appendChild(c);
  const g = c.getContext('2d');
  const ac = new AudioContext(); const dest = ac.createMediaStreamDestination();
  const notes = [392.0, 440.0, 523.25, 587.33, 659.25, 587.33, 523.25, 440.0];
  const gain = ac.createGain(); gain.gain.value = 0.0; gain.connect(dest);
  const osc = ac.createOscillator(); osc.type = 'sine'; osc.connect(gain); osc.start();
  const stream = new MediaStream([...c.captureStream(25).getVideoTracks(), ...dest.stream.getAudioTracks()]);
  const rec = new MediaRecorder(stream, {mimeType: 'video/webm;codecs=vp8,opus', videoBitsPerSecond: 180000, audioBitsPerSecond: 32000});
  const chunks = []; rec.ondataavailable = e => chunks.push(e.data);
  const seconds = 8; const t0 = performance.now();
  rec.start();
  await new Promise(resolve => {
    function frame() {
      const t = (performance.now() - t0) / 1000;
      const n = Math.min(notes.length - 1, Math.floor(t / (seconds / notes.length)));
      osc.frequency.value = notes[n];
      const local = t % (seconds / notes.length);
      gain.gain.value = Math.min(1, local * 40) * Math.exp(-3 * local) * 0.3;
      g.fillStyle = '#123c69'; g.fillRect(0, 0, 640, 360);
      for (let i = 0; i < 12; i++) {
        const h = 60 + 50 * Math.sin(t * 2 + i * 0.6);
        g.fillStyle = i % 3 ? '#1d5a96' : '#f4c95d';
        g.fillRect(40 + i * 48, 300 - h, 32, h);
      }
      g.fillStyle = '#ffffff'; g.font = 'bold 34px Georgia, serif';
      g.fillText('Peninsula Institute', 40, 80);
      g.font = '22px sans-serif'; g.fillText('Explainer · demo video', 40, 118);
      g.fillStyle = '#f4c95d'; g.fillRect(40, 330, 560 * Math.min(1, t / seconds), 6);
      if (t < seconds) requestAnimationFrame(frame); else resolve();
    }
    frame();
  });
  rec.stop(); await new Promise(r => rec.onstop = r);
  const blob = new Blob(chunks, {type: 'video/webm'});
  const buf = new Uint8Array(await blob.arrayBuffer());
  let s = ''; for (let i = 0; i < buf.length; i++) s += String.fromCharCode(buf[i]);
  return btoa(s);
}
"""


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--autoplay-policy=no-user-gesture-required"],
        )
        page = browser.new_page()
        page.set_content("<body style='margin:0'></body>")
        OUTPUT.write_bytes(base64.b64decode(page.evaluate(JS)))
        browser.close()
    print(f"{OUTPUT} ({OUTPUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
