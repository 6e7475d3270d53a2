// All message catalogs, merged. Each feature owns one file in ./messages (add it to the list
// below); keys are prefixed by feature so files never collide.
import type { Locale } from '$lib/domain/settings';
import { clientsList } from './messages/clients-list';
import { common } from './messages/common';
import { fields } from './messages/fields';
import { layout } from './messages/layout';
import { clientForm } from './messages/client-form';
import { clientCard } from './messages/client-card';
import { settings } from './messages/settings';
import { validation } from './messages/validation';
import { sync } from './messages/sync';
import { importMessages } from './messages/import';
import { visits } from './messages/visits';
import { exportMessages } from './messages/export';
import { duplicates } from './messages/duplicates';
import { locations } from './messages/locations';
import { notes } from './messages/notes';
import { permissions } from './messages/permissions';
import { consents } from './messages/consents';
import { atRestMessages } from './messages/at-rest';
import { history } from './messages/history';
import { erasureMessages } from './messages/erasure';
import { staff } from './messages/staff';

const features = [
	common,
	fields,
	layout,
	clientForm,
	clientCard,
	settings,
	clientsList,
	validation,
	sync,
	importMessages,
	visits,
	exportMessages,
	duplicates,
	locations,
	notes,
	permissions,
	consents,
	atRestMessages,
	history,
	erasureMessages,
	staff
] as const;

type Union<T> = T extends readonly (infer U)[] ? U : never;
type KeysOf<F> = F extends { it: infer M } ? keyof M : never;
export type MessageKey = KeysOf<Union<typeof features>> & string;

export const catalogs = Object.fromEntries(
	(['it', 'en', 'pt', 'bg'] as const).map((locale) => [
		locale,
		Object.assign({}, ...features.map((f) => f[locale])) as Record<MessageKey, string>
	])
) as Record<Locale, Record<MessageKey, string>>;
