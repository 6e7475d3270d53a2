// Export of clients: file headers (read back by the importer in every language), the export
// menu, per-client data export and the bulk actions on the list.
import { defineMessages } from '../define';

export const exportMessages = defineMessages({
	it: {
		'export.header.id': 'ID',
		'export.header.phone': 'Telefono {n}',
		'export.header.phoneType': 'Tipo telefono {n}',
		'export.header.referredById': 'ID presentata da',
		'export.header.custom': '{name} (personalizzato)',
		'export.sheetName': 'Clienti'
	},
	en: {
		'export.header.id': 'ID',
		'export.header.phone': 'Phone {n}',
		'export.header.phoneType': 'Phone {n} type',
		'export.header.referredById': 'Referred by ID',
		'export.header.custom': '{name} (custom)',
		'export.sheetName': 'Clients'
	},
	pt: {
		'export.header.id': 'ID',
		'export.header.phone': 'Telefone {n}',
		'export.header.phoneType': 'Tipo de telefone {n}',
		'export.header.referredById': 'ID de quem recomendou',
		'export.header.custom': '{name} (personalizado)',
		'export.sheetName': 'Clientes'
	},
	bg: {
		'export.header.id': 'ID',
		'export.header.phone': 'Телефон {n}',
		'export.header.phoneType': 'Вид телефон {n}',
		'export.header.referredById': 'ID на препоръчалия',
		'export.header.custom': '{name} (персонализирано)',
		'export.sheetName': 'Клиенти'
	}
});
