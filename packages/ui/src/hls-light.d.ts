// hls.js ships typings for its full build only; the light build (no alternate audio, subtitles, DRM, CMCD) has the
// same API for what the live player uses.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
}
