// Mounts the demo's live lanes over the store `chat demo` feeds: the view reads it, as the chat
// face's App reads its controller, and draws it at the window's size.
import { useSyncExternalStore } from "react";
import { render } from "ink";
import { useWindowSize } from "../interactive/hooks/useWindowSize.js";
import { DemoView } from "./DemoView.js";
import type { LanesStore } from "./lanes-store.js";

export function LiveDemo({ store }: { store: LanesStore }) {
  const lanes = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { columns, rows } = useWindowSize();
  return <DemoView lanes={lanes} columns={columns} rows={rows} texts={store.texts} />;
}

/** Draws `store` until `close()`, which leaves its last frame on screen. */
export function startDemoView(store: LanesStore) {
  const instance = render(<LiveDemo store={store} />, { exitOnCtrlC: false, patchConsole: false });
  return {
    async close() {
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
