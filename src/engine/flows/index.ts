export type { Flow, FlowEnd, FlowKind } from './flow';
export { recordFlow, flowsOf, recentFlows, FLOWS_PER_INSTANCE, SNAPSHOT_FLOWS, SNAPSHOT_WINDOW } from './flow-log';
