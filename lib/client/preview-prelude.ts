/** The WebRTC interfaces a preview's scripts lose: the constructors that can open a connection. */
export const blockedInterfaces = [
  'RTCPeerConnection',
  'webkitRTCPeerConnection',
  // Not constructible in Chromium today; constructible behind its ORTC-style extension flag.
  'RTCIceTransport',
] as const;

/**
 * The code every script and inline handler of a preview starts with. The preview's CSP allows
 * only texts that start with it, so in any realm of the preview (its own, or a nested frame's,
 * which is cross-origin to it and runs only its own scripts) it is the first code to run, and
 * it replaces the WebRTC constructors for good (non-writable, non-configurable).
 *
 * It must hold against the text that follows it, whose declarations are set up before it runs:
 * `let Object`, `let globalThis` or `function RTCPeerConnection` in the same script. So it names
 * no binding at all: the global object is `this` of a sloppy function called bare, and
 * defineProperty comes from an object literal's constructor (the realm's builtins are still
 * untouched when it first runs). A strict context has no such `this`; `with(0);` makes the
 * text a syntax error there, so a copy of an allowed script run as a module never runs.
 * It never throws, and running it again in the same realm changes nothing.
 */
export const prelude =
  'with(0);(function(){try{var d=({}).constructor.defineProperty,g=this,' +
  `n=${JSON.stringify(blockedInterfaces).replaceAll('"', "'")};` +
  'for(var i=n.length;i--;)try{d(g,n[i],{value:void 0,writable:false,configurable:false})}' +
  'catch(e){}}catch(e){}})();\n';
