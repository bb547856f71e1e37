// OCOP self-check: a photo decoded, turned upright, downsized and re-encoded off the page's main
// thread (issue 14; src/platform/photo.rs posts to it). Re-encoding drops EXIF and GPS.
// In:  {id, blob, width, height, quality}   Out: {id, ok: true, blob} | {id, ok: false, stage, name}
self.onmessage = async (e) => {
  const { id, blob, width, height, quality } = e.data || {};
  let stage = 'decode';
  try {
    const bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: 'high',
    });
    stage = 'encode';
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const out = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    self.postMessage({ id, ok: true, blob: out });
  } catch (err) {
    self.postMessage({ id, ok: false, stage, name: (err && err.name) || String(err) });
  }
};
