// One line of the owner's log as text: the event's detail (ids and counts) with device ids
// turned into names and roles and scopes translated.
import type { AuditEvent } from '$lib/domain/audit';
import { t } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/catalog';

const ROLE_KEYS: Record<string, MessageKey> = {
	owner: 'audit.role.owner',
	reception: 'audit.role.reception',
	therapist: 'audit.role.therapist'
};

const roleText = (role: unknown): string =>
	typeof role === 'string' ? (ROLE_KEYS[role] ? t(ROLE_KEYS[role]) : role) : '';

export function auditDetailText(
	event: Pick<AuditEvent, 'kind' | 'detail'>,
	deviceName: (id: string) => string
): string {
	const d = event.detail;
	const device = (id: unknown) =>
		t('audit.detail.device', { name: typeof id === 'string' ? deviceName(id) : '' });
	switch (event.kind) {
		case 'pairing':
			return [device(d.pairedDeviceId), roleText(d.role)].filter(Boolean).join(' · ');
		case 'revocation':
			return device(d.revokedDeviceId);
		case 'roleChange':
			return `${device(d.targetDeviceId)} · ${t('audit.detail.roleChange', {
				from: roleText(d.from),
				to: roleText(d.to)
			})}`;
		case 'import': {
			const counts = t('audit.detail.import', {
				created: Number(d.created ?? 0),
				filled: Number(d.filled ?? 0),
				skipped: Number(d.skipped ?? 0)
			});
			return d.status === 'undone' ? `${counts} · ${t('audit.detail.undone')}` : counts;
		}
		case 'merge':
		case 'unmerge':
			return t('audit.detail.cards', {
				count: Array.isArray(d.clientIds) ? d.clientIds.length : 0
			});
		case 'export': {
			const scope = d.scope === 'client' ? 'audit.detail.scope.client' : 'audit.detail.scope.salon';
			const parts = [t(scope), typeof d.format === 'string' ? d.format.toUpperCase() : ''];
			if (typeof d.count === 'number') parts.push(t('audit.detail.cards', { count: d.count }));
			return parts.filter(Boolean).join(' · ');
		}
		default:
			return typeof d.count === 'number' ? t('audit.detail.cards', { count: d.count }) : '';
	}
}
