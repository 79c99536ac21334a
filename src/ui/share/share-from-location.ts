/**
 * A page opened with `#share=...` (index.html or embed.html): the payload to start
 * from, or what is wrong with the link, shown in the page as text.
 */
import type { ShareDecodeResult } from './share-link';
import { shareFragment } from './share-fragment';
import { replayCommands, replayShare, type Replayable } from './replay-share';

/** null when the address carries no share link; the codec is fetched only when there is one */
export async function sharedFromLocation(hash: string = location.hash): Promise<ShareDecodeResult | null> {
  const fragment = shareFragment(hash);
  if (fragment === null) return null;
  const { decodeShare } = await import('./share-link');
  return decodeShare(fragment);
}

/**
 * Show a message above the simulator in `container` (the element mounted into, so the
 * simulator's styles apply), with a Dismiss button. Text only: the message may quote
 * parts of the address.
 */
export function showPageProblem(container: HTMLElement, lines: string[], dismiss = 'Dismiss'): HTMLElement {
  const box = document.createElement('div');
  box.className = 'ps-problems ps-share-problem';
  box.setAttribute('role', 'alert');
  const list = document.createElement('ul');
  for (const l of lines) {
    const li = document.createElement('li');
    li.textContent = l;
    list.append(li);
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ps-btn ps-small';
  button.textContent = dismiss;
  button.addEventListener('click', () => box.remove());
  box.append(list, button);
  container.prepend(box);
  return box;
}

/**
 * After mounting with the shared text (or the page's own scenario when the link is
 * broken): replay the commands, or show what is wrong; and do the same whenever a
 * share link is pasted into the address bar of the open page (only the fragment
 * changes, so the page does not reload).
 */
export function followShareLinks(handle: Replayable & { duration(): number; ready?(): Promise<void> }, container: HTMLElement, first: ShareDecodeResult | null): () => void {
  if (first?.ok && handle.duration() > 0) replayCommands(handle, first.payload);
  else if (first && !first.ok) showPageProblem(container, [first.message]);
  const onHash = async () => {
    const next = await sharedFromLocation();
    if (!next) return;
    if (next.ok) {
      // a shared scenario may run scripts: the shell first (kubectl's printers come along)
      await handle.ready?.();
      replayShare(handle, next.payload);
    }
    else showPageProblem(container, [next.message]);
  };
  const listener = () => void onHash();
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
