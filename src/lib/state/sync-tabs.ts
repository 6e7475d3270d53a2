// Tabs of one device talk over a BroadcastChannel. Only the leader tab replicates (RxDB leader
// election), so it publishes the sync status and the others show it; a new tab says hello and
// the leader answers at once; a wipe after revocation reaches every tab. Messages are parsed:
// another version of the app may be open in a tab next to this one.
import { z } from 'zod';

export const sharedStatusSchema = z.object({
	active: z.boolean(),
	pending: z.number().int().min(0),
	offline: z.boolean(),
	errorCode: z.string().max(64).nullable(),
	lastSyncedAt: z.number().int().min(0).nullable(),
	offlineSince: z.number().int().min(0).nullable(),
	// Absent from a tab of an older build.
	receivedClients: z.number().int().min(0).nullable().default(null)
});
export type SharedStatus = z.infer<typeof sharedStatusSchema>;

const tabMessageSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('status'), status: sharedStatusSchema }),
	z.object({ type: z.literal('hello') }),
	z.object({ type: z.literal('wiped') })
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;

export const TAB_CHANNEL = 'schedario.sync.tabs';

export interface TabChannel {
	post(message: TabMessage): void;
	close(): void;
}

/** The channel, or a silent stand-in where BroadcastChannel does not exist (Node, old WebViews:
 *  there each tab then shows only what it knows itself). */
export function openTabChannel(onMessage: (message: TabMessage) => void): TabChannel {
	if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
	const channel = new BroadcastChannel(TAB_CHANNEL);
	channel.onmessage = (event: MessageEvent<unknown>) => {
		const parsed = tabMessageSchema.safeParse(event.data);
		if (parsed.success) onMessage(parsed.data);
	};
	return {
		post: (message) => channel.postMessage(message),
		close: () => channel.close()
	};
}
