/**
 * The scenario's title and description, rendered from Markdown. Raw HTML in the
 * description is shown as text (markdown-it with html disabled), so a scenario file
 * cannot inject markup into the page.
 */
import { Show, createMemo, type JSX } from 'solid-js';
import MarkdownIt from 'markdown-it';
import { text, type PodsimController } from './podsim-controller';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
// links in a description open beside the simulator, not instead of it
const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLink(tokens, idx, options, env, self);
};

export function renderMarkdown(src: string): string {
  return md.render(src);
}

export function Description(props: { ctl: PodsimController }): JSX.Element {
  const [scenario] = props.ctl.scenario;
  const html = createMemo(() => renderMarkdown(text(scenario()?.description)));
  return (
    <div class="ps-description">
      <Show when={scenario()} fallback={<p class="ps-muted">No scenario loaded.</p>}>
        <h2 class="ps-h2">{text(scenario()!.title) || scenario()!.name}</h2>
        <div class="ps-md" innerHTML={html()} />
        <Legend />
      </Show>
    </div>
  );
}

export function Legend(): JSX.Element {
  return (
    <details class="ps-legend">
      <summary>How to read the canvas</summary>
      <ul>
        <li><b>Solid border, filled ✓ dot</b>: Running and Ready; the Service sends it requests.</li>
        <li><b>Dashed, pulsing border, hollow dot</b>: running but not ready; its endpoint line is dashed and cut off from the Service (✗).</li>
        <li><b>Zig-zag, flashing border</b> with a clock hand: waiting in back-off (CrashLoopBackOff, ImagePullBackOff); the seconds count down to the next try.</li>
        <li><b>Big cross</b>: Terminating; the clock hand runs down the grace period to SIGKILL. Its endpoint line is dotted.</li>
        <li><b>Spinning arc</b>: Pending, ContainerCreating or Init:N/M.</li>
        <li><b>Red ticks</b> at the right: one per restart.</li>
        <li>Inside a pod: <b>arrow-shaped boxes</b> are init containers, <b>pills with a double edge</b> sidecars, rectangles app containers. A filled dot is running, hollow waiting, a crossed square terminated.</li>
        <li><b>Probe chips</b> R (readiness), L (liveness), S (startup): they pulse on every probe, ✓ success, ✗ failure, hollow before the first; <code>✗2/3</code> is the run of failures against failureThreshold. An underline means forced with <code>sim probe</code>.</li>
        <li><b>Dots</b> flying from the clients through the Service are requests answered; <b>crosses</b> are failed requests. The Service counts ok and failed.</li>
      </ul>
    </details>
  );
}
