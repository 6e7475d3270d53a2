// A minimal EventSource over fetch for the API tests: takes a ticket, collects the events.
import { api, salonPath, type Session, type TestServer } from './api.js';

export interface SseEvent {
	event: string;
	data: string;
}

export interface Stream {
	status: number;
	events: SseEvent[];
	closed: Promise<void>;
	next(event: string): Promise<SseEvent>;
	cancel(): Promise<void>;
}

/** A minimal EventSource over fetch: collects events and resolves `closed` when the server ends. */
export async function openStream(s: TestServer, who: Session): Promise<Stream> {
	const ticket = await api<{ ticket: string }>(
		s.url,
		'POST',
		salonPath(who.salonId, 'stream-ticket'),
		{
			token: who.token
		}
	);
	const res = await fetch(
		`${s.url}${salonPath(who.salonId, 'stream')}?ticket=${ticket.body.ticket}`
	);
	const events: SseEvent[] = [];
	const waiters: Array<() => void> = [];
	const reader = res.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	const closed = (async () => {
		for (;;) {
			const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
			if (chunk.done) break;
			buffer += decoder.decode(chunk.value, { stream: true });
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const event = /^event: (.*)$/m.exec(block)?.[1];
				if (event) events.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' });
				waiters.splice(0).forEach((wake) => wake());
			}
		}
		waiters.splice(0).forEach((wake) => wake());
	})();
	let seen = 0;
	return {
		status: res.status,
		events,
		closed,
		async next(event) {
			for (;;) {
				const found = events.slice(seen).findIndex((e) => e.event === event);
				if (found >= 0) {
					seen += found + 1;
					return events[seen - 1] as SseEvent;
				}
				await new Promise<void>((wake) => waiters.push(wake));
			}
		},
		cancel: () => reader.cancel()
	};
}
