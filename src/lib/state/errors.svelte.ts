// Toasts and the one error boundary: code that catches an error it cannot handle hands it to
// `notices.handleError`, which logs it for developers and shows a translated notice.
import { t } from '$lib/i18n/i18n.svelte';

export type NoticeKind = 'error' | 'info' | 'success';

export interface Notice {
	id: number;
	kind: NoticeKind;
	message: string;
}

/** Info and success notices go away by themselves; errors stay until dismissed. */
const AUTO_DISMISS_MS = 5000;

class Notices {
	items = $state<Notice[]>([]);
	#nextId = 1;

	push(notice: { kind: NoticeKind; message: string }): number {
		// The same message twice in a row (a retry loop, a double click) shows once.
		const last = this.items.at(-1);
		if (last && last.kind === notice.kind && last.message === notice.message) return last.id;
		const id = this.#nextId++;
		this.items.push({ id, kind: notice.kind, message: notice.message });
		if (notice.kind !== 'error') setTimeout(() => this.dismiss(id), AUTO_DISMISS_MS);
		return id;
	}

	dismiss(id: number): void {
		this.items = this.items.filter((n) => n.id !== id);
	}

	handleError(error: unknown): void {
		console.error(error);
		const detail = error instanceof Error ? error.message : String(error);
		this.push({ kind: 'error', message: t('error.generic', { message: detail }) });
	}
}

export const notices = new Notices();
