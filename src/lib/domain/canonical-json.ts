// Canonical JSON: one string per JSON value whatever order its keys were written in. The sync
// server's compare-and-swap and the merge's equality compare these strings.
/**
 * JSON with object keys sorted at every level, so two equal documents give one string whatever
 * order their keys were written in. Keys whose value is undefined are left out, as JSON.stringify
 * does. The server's compare-and-swap compares these strings.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
	const obj = value as Record<string, unknown>;
	const parts: string[] = [];
	for (const key of Object.keys(obj).sort()) {
		if (obj[key] === undefined) continue;
		parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
	}
	return `{${parts.join(',')}}`;
}
