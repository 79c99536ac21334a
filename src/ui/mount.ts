/**
 * `mount(element, options)` with the simulator's stylesheet added to the page: for the
 * site, the iframe page and anything else that mounts into the light DOM. The <pod-sim>
 * element imports mount-unstyled.ts and adopts the styles into its shadow root.
 */
import './styles.css';

export * from './mount-unstyled';
