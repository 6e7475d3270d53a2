// What a route handler receives, and the tiny router that picks the handler: routes are
// '/api/v1/salons/:salonId/...' patterns matched segment by segment.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TicketStore } from '../auth/stream-tickets.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { DeviceRecord, SyncStorage } from '../storage/types.js';
import type { StreamHub } from '../stream/hub.js';
import type { RateLimiter } from './rate-limit.js';

export interface ServerDeps {
	config: Config;
	log: Logger;
	storage: SyncStorage;
	now: () => number;
	hub: StreamHub;
	tickets: TicketStore;
	/** Per device: every authenticated API call. */
	deviceLimiter: RateLimiter;
	/** Per client IP: pairing and salon creation, which have no token to key on. */
	ipLimiter: RateLimiter;
}

export interface RequestContext {
	req: IncomingMessage;
	res: ServerResponse;
	params: Record<string, string>;
	query: URLSearchParams;
	deps: ServerDeps;
	/** Set by authentication; the request log names it. */
	deviceId?: string;
}

export type Handler = (ctx: RequestContext) => Promise<void>;

export interface Route {
	method: 'GET' | 'POST';
	pattern: string;
	handler: Handler;
}

export type Match =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'method'; allow: string }
	| { kind: 'none' };

export function matchRoute(routes: Route[], method: string, path: string): Match {
	const segments = path.split('/').filter(Boolean);
	const allowed: string[] = [];
	for (const route of routes) {
		const params = matchPattern(route.pattern, segments);
		if (!params) continue;
		if (route.method === method) return { kind: 'found', route, params };
		allowed.push(route.method);
	}
	return allowed.length > 0 ? { kind: 'method', allow: allowed.join(', ') } : { kind: 'none' };
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
	const parts = pattern.split('/').filter(Boolean);
	if (parts.length !== segments.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i] as string;
		let segment: string;
		try {
			segment = decodeURIComponent(segments[i] as string);
		} catch {
			return null;
		}
		if (part.startsWith(':')) params[part.slice(1)] = segment;
		else if (part !== segment) return null;
	}
	return params;
}

export type { DeviceRecord };
