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
 *
 * It also turns alert, confirm and prompt (which the sandbox silently drops, having no
 * allow-modals) into a message to the frame's parent, so that a game's "Game over" reaches the
 * user without a modal dialog that could block the app.
 */
export const prelude =
  'with(0);(function(){try{var d=({}).constructor.defineProperty,g=this,' +
  `n=${JSON.stringify(blockedInterfaces).replaceAll('"', "'")};` +
  'for(var i=n.length;i--;)try{d(g,n[i],{value:void 0,writable:false,configurable:false})}' +
  'catch(e){}' +
  "var m=['alert','confirm','prompt'];for(var j=m.length;j--;)(function(k){g[k]=function(t){" +
  "try{g.parent.postMessage({versusPreview:k,text:t===void 0?'':''+t},'*')}catch(e){}" +
  "return k==='confirm'?false:null}})(m[j])" +
  '}catch(e){}})();\n';

/** What a preview's alert, confirm or prompt posts to its parent (see the prelude). */
export interface PreviewDialog {
  versusPreview: 'alert' | 'confirm' | 'prompt';
  text: string;
}
