export function serveStatic(root: string, extra?: Record<string, string>, headers?: (path: string) => Record<string, string>): Promise<{ url: string; close: () => Promise<void> }>;
