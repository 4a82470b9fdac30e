export const FORM_CSS = `
.panel { position: relative; width: min(440px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto;
  background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a; border-radius: 10px; padding: 14px 16px;
  box-shadow: 0 6px 24px rgba(0,0,0,.35); font: 15px/1.5 "Sarabun", "Loma", "Garuda", Tahoma, system-ui, sans-serif; text-align: left; }
h2 { font-size: 17px; margin: 0 0 8px; }
label, legend { font-weight: 600; display: block; margin: 6px 0 2px; }
input[type=text], textarea { width: 100%; font: inherit; padding: 6px 8px; border: 1px solid #777; border-radius: 6px; background: #fff; color: #111; }
textarea { min-height: 56px; resize: vertical; }
fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 8px 0; padding: 4px 10px 8px; }
fieldset label, .radio label { display: inline; font-weight: 400; margin: 0 0 0 4px; }
.check { display: flex; align-items: flex-start; gap: 4px; margin: 3px 0; }
.radio { display: flex; gap: 14px; flex-wrap: wrap; }
.combo { position: relative; }
.listbox { position: absolute; left: 0; right: 0; z-index: 2; list-style: none; margin: 2px 0 0; padding: 0; max-height: 240px; overflow: auto;
  background: #fff; border: 1px solid #777; border-radius: 6px; }
.opt { padding: 5px 8px; cursor: pointer; }
.opt.active { background: #1a5276; color: #fff; }
.chips { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 6px; }
.chips li { background: #eaf2f8; border: 1px solid #a9cce3; border-radius: 14px; padding: 2px 4px 2px 10px; }
.chips button { border: 0; background: transparent; cursor: pointer; font-size: 15px; }
.warn { background: #fef5e7; border-left: 4px solid #e67e22; padding: 6px 8px; margin: 6px 0; }
.path { background: #f4f6f7; padding: 6px 8px; border-radius: 6px; margin: 4px 0; word-break: break-word; }
.tag { font-size: 12px; color: #7d6608; margin-left: 6px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 10px; }
.actions button { font: inherit; padding: 7px 14px; border-radius: 6px; border: 1px solid #1a5276; background: #fff; color: #1a5276; cursor: pointer; }
.actions button.primary { background: #1a5276; color: #fff; }
.status { margin-top: 8px; min-height: 1.5em; }
.status.error { color: #a93226; font-weight: 600; }
.status.ok { color: #1e8449; font-weight: 600; }
.panel.picking { width: auto; max-width: min(440px, calc(100vw - 32px)); }
.panel.picking > :not(.status) { display: none; }
.panel.picking .status { margin: 0; }
`;
