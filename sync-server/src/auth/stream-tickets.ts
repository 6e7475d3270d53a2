// Short-lived single-use tickets for the SSE stream: EventSource cannot send an Authorization
// header, and a long-lived token in a URL ends up in proxy logs. A ticket lives 60 s, opens one
// stream, and is kept in this process's memory only, so the stream must be opened on the same
// server instance that issued the ticket (see README › Several instances).
import { newToken } from './tokens.js';

export const STREAM_TICKET_TTL_MS = 60_000;

export interface TicketGrant {
	salonId: string;
	deviceId: string;
	tokenHash: string;
}

export interface TicketStore {
	issue(grant: TicketGrant): { ticket: string; expiresAt: number };
	/** The grant of a valid ticket, which is used up by this call; null if unknown or expired. */
	redeem(ticket: string): TicketGrant | null;
}

export function createTicketStore(now: () => number): TicketStore {
	const tickets = new Map<string, TicketGrant & { expiresAt: number }>();

	function sweep(at: number): void {
		for (const [key, t] of tickets) if (t.expiresAt <= at) tickets.delete(key);
	}

	return {
		issue(grant) {
			const at = now();
			sweep(at);
			const ticket = newToken();
			const expiresAt = at + STREAM_TICKET_TTL_MS;
			tickets.set(ticket, { ...grant, expiresAt });
			return { ticket, expiresAt };
		},
		redeem(ticket) {
			const found = tickets.get(ticket);
			if (!found) return null;
			tickets.delete(ticket);
			if (found.expiresAt <= now()) return null;
			return { salonId: found.salonId, deviceId: found.deviceId, tokenHash: found.tokenHash };
		}
	};
}
