// Chains: the salon's locations in /settings, and each device's location in /settings/sync.
import { defineMessages } from '../define';

export const locations = defineMessages({
	it: {
		'locations.title': 'Sedi',
		'locations.hint':
			'Per una catena: tutte le sedi condividono lo schedario clienti e ogni dispositivo lavora in una sede.',
		'locations.empty': 'Nessuna sede: il salone ne ha una sola.',
		'locations.name': 'Nome della sede',
		'locations.new': 'Nuova sede',
		'locations.add': 'Aggiungi sede',
		'locations.rename': 'Nome della sede {name}',
		'locations.delete': 'Elimina la sede {name}',
		'locations.deleteTitle': 'Eliminare la sede «{name}»?',
		'locations.deleteBody':
			'Non si potrà più assegnarla ai dispositivi. Ciò che vi è stato registrato conserva il suo nome.',
		'locations.none': 'Nessuna sede',
		'locations.removed': '{name} (eliminata)',
		'locations.thisDevice': 'Sede',
		'locations.newDevice': 'Sede del nuovo dispositivo',
		'locations.ofDevice': 'Sede di {name}',
		'locations.moved': '{name} ora lavora in: {location}',
		'locations.unknown': 'questa sede non esiste più nel salone'
	},
	en: {
		'locations.title': 'Locations',
		'locations.hint':
			'For a chain: every location shares the client book, and each device works at one location.',
		'locations.empty': 'No locations: the salon has just one.',
		'locations.name': 'Location name',
		'locations.new': 'New location',
		'locations.add': 'Add location',
		'locations.rename': 'Name of location {name}',
		'locations.delete': 'Delete location {name}',
		'locations.deleteTitle': 'Delete location “{name}”?',
		'locations.deleteBody':
			'It can no longer be assigned to devices. What was recorded there keeps its name.',
		'locations.none': 'No location',
		'locations.removed': '{name} (deleted)',
		'locations.thisDevice': 'Location',
		'locations.newDevice': 'Location of the new device',
		'locations.ofDevice': 'Location of {name}',
		'locations.moved': '{name} now works at: {location}',
		'locations.unknown': 'this location no longer exists in the salon'
	},
	pt: {
		'locations.title': 'Unidades',
		'locations.hint':
			'Para uma cadeia: todas as unidades partilham o ficheiro de clientes e cada dispositivo trabalha numa unidade.',
		'locations.empty': 'Sem unidades: o salão tem só uma.',
		'locations.name': 'Nome da unidade',
		'locations.new': 'Nova unidade',
		'locations.add': 'Adicionar unidade',
		'locations.rename': 'Nome da unidade {name}',
		'locations.delete': 'Eliminar a unidade {name}',
		'locations.deleteTitle': 'Eliminar a unidade «{name}»?',
		'locations.deleteBody':
			'Deixa de poder ser atribuída a dispositivos. O que lá foi registado mantém o nome.',
		'locations.none': 'Sem unidade',
		'locations.removed': '{name} (eliminada)',
		'locations.thisDevice': 'Unidade',
		'locations.newDevice': 'Unidade do novo dispositivo',
		'locations.ofDevice': 'Unidade de {name}',
		'locations.moved': '{name} trabalha agora em: {location}',
		'locations.unknown': 'esta unidade já não existe no salão'
	},
	bg: {
		'locations.title': 'Обекти',
		'locations.hint':
			'За верига: всички обекти споделят картотеката с клиенти и всяко устройство работи в един обект.',
		'locations.empty': 'Няма обекти: салонът има само един.',
		'locations.name': 'Име на обекта',
		'locations.new': 'Нов обект',
		'locations.add': 'Добави обект',
		'locations.rename': 'Име на обект {name}',
		'locations.delete': 'Изтрий обект {name}',
		'locations.deleteTitle': 'Да се изтрие ли обект „{name}“?',
		'locations.deleteBody':
			'Вече няма да може да се присвоява на устройства. Записаното там запазва името му.',
		'locations.none': 'Без обект',
		'locations.removed': '{name} (изтрит)',
		'locations.thisDevice': 'Обект',
		'locations.newDevice': 'Обект на новото устройство',
		'locations.ofDevice': 'Обект на {name}',
		'locations.moved': '{name} вече работи в: {location}',
		'locations.unknown': 'този обект вече не съществува в салона'
	}
});
