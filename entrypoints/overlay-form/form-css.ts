export const FORM_CSS = `
html, body { margin: 0; padding: 0; background: transparent; }
* { box-sizing: border-box; }
.wrap { padding: 4px 8px 12px 4px; font: 15px/1.5 "Sarabun", "Loma", "Garuda", Tahoma, system-ui, sans-serif; color: #1b1b1b;
  max-height: 100vh; display: flex; flex-direction: column; }
.panel { background: #fff; border: 1px solid #8a8a8a; border-radius: 10px; padding: 14px 16px;
  box-shadow: 0 4px 14px rgba(0,0,0,.35); text-align: left; display: flex; flex-direction: column; min-height: 0; }
.fields { flex: 1 1 auto; min-height: 5em; overflow: auto; margin: 0 -8px; padding: 0 8px 6px; scroll-padding-block: 8px; }
h2 { font-size: 17px; margin: 0 0 8px; flex: none; }
label, .legend, legend { font-weight: 600; display: block; margin: 6px 0 2px; }
input[type=text], textarea { width: 100%; font: inherit; padding: 6px 8px; border: 1px solid #777; border-radius: 6px; background: #fff; color: #111; }
textarea { min-height: 56px; resize: vertical; }
fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 8px 0; padding: 4px 10px 8px; }
fieldset label, .radio label { display: inline; font-weight: 400; margin: 0 0 0 4px; }
.check { display: flex; align-items: flex-start; gap: 4px; margin: 3px 0; }
.radio { display: flex; gap: 14px; flex-wrap: wrap; }
.combo { position: relative; }
.listbox { position: absolute; left: 0; right: 0; z-index: 2; list-style: none; margin: 2px 0 0; padding: 0; max-height: min(240px, 40vh); overflow: auto;
  background: #fff; border: 1px solid #777; border-radius: 6px; box-shadow: 0 4px 10px rgba(0,0,0,.2); }
.listbox[hidden], .nomatch[hidden], [hidden] { display: none; }
.nomatch { margin: 4px 0; color: #555; font-style: italic; }
.opt { padding: 5px 8px; cursor: pointer; }
.opt.active { background: #1a5276; color: #fff; }
.chips { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 6px; }
.chips li { background: #eaf2f8; border: 1px solid #a9cce3; border-radius: 14px; padding: 2px 4px 2px 10px; }
.chips button { border: 0; background: transparent; cursor: pointer; font-size: 17px; padding: 0 6px; }
.warn { background: #fef5e7; border-left: 4px solid #e67e22; padding: 6px 8px; margin: 6px 0; }
.note-box { background: #eaf2f8; border-left: 4px solid #1a5276; padding: 6px 8px; margin: 6px 0; }
.hint { color: #444; font-size: 13px; margin: 4px 0; }
.path { background: #f4f6f7; padding: 6px 8px; border-radius: 6px; margin: 4px 0; word-break: break-word; }
.tag { font-size: 12px; color: #7d6608; margin-left: 6px; }
.actions { flex: none; display: flex; gap: 8px; justify-content: flex-end; align-items: center; margin-top: 4px;
  padding-top: 10px; border-top: 1px solid #d5d8dc; flex-wrap: wrap; }
.mode-now { margin-right: auto; font-size: 13px; color: #333; }
button { font: inherit; padding: 7px 14px; border-radius: 6px; border: 1px solid #1a5276; background: #fff; color: #1a5276; cursor: pointer; }
button.primary { background: #1a5276; color: #fff; }
button:disabled { opacity: .6; cursor: progress; }
button:focus-visible, input:focus-visible, textarea:focus-visible, .status:focus-visible { outline: 3px solid #f39c12; outline-offset: 2px; }
.status { flex: none; margin-top: 8px; min-height: 1.5em; }
.status:empty { display: none; }
.status.error, .status.ok, .status.info { background: #fff; border-radius: 8px; padding: 8px 12px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.status.error { color: #a93226; font-weight: 600; border: 2px solid #a93226; }
.status.ok { color: #1e6b3a; font-weight: 600; border: 2px solid #1e8449; }
.status.info { border: 1px solid #8a8a8a; }
.status button { margin: 6px 6px 0 0; padding: 4px 10px; font-weight: 400; }
.status .dismiss { border: 0; font-size: 18px; padding: 0 6px; }
.toast-actions { display: block; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
