// GDPR erasure of a client (issue 7 › Deliver 3) and the retention proposal.
import { defineMessages } from '../define';

export const erasureMessages = defineMessages({
	it: {
		'erase.action': 'Cancella definitivamente (GDPR)',
		'erase.title': 'Cancellare definitivamente {name}?',
		'erase.body':
			'La scheda, le visite, le note, le foto e i consensi di questa cliente spariranno da tutti i dispositivi e dal server, compresa la cronologia delle modifiche. Non si può annullare.',
		'erase.group': 'Vengono cancellate anche le {count} schede unite a questa.',
		'erase.typeName': 'Per confermare, scrivi il nome completo: {name}',
		'erase.nameMismatch': 'Il nome scritto non corrisponde.',
		'erase.confirm': 'Cancella definitivamente',
		'erase.done': '{name} è stata cancellata da tutti i dispositivi.',
		'erase.offline':
			'La cancellazione richiede la connessione al server. Riprova quando il dispositivo è online.',
		'erase.notPaired':
			'La cancellazione passa dal server della salone: collega prima questo dispositivo (Impostazioni › Sincronizzazione).',
		'erase.forbidden': 'Il ruolo di questo dispositivo non può cancellare clienti.',
		'erase.failed': 'La cancellazione non è riuscita ({code}). Niente è stato cancellato.'
	},
	en: {
		'erase.action': 'Erase permanently (GDPR)',
		'erase.title': 'Erase {name} permanently?',
		'erase.body':
			"This client's card, visits, notes, photos and consents will disappear from every device and from the server, including the history of changes. This cannot be undone.",
		'erase.group': 'The {count} cards merged into this one are erased too.',
		'erase.typeName': 'To confirm, type the full name: {name}',
		'erase.nameMismatch': 'The name you typed does not match.',
		'erase.confirm': 'Erase permanently',
		'erase.done': '{name} was erased from every device.',
		'erase.offline':
			'Erasing needs the connection to the server. Try again when this device is online.',
		'erase.notPaired':
			"Erasing goes through the salon's server: connect this device first (Settings › Sync).",
		'erase.forbidden': "This device's role may not erase clients.",
		'erase.failed': 'Erasing failed ({code}). Nothing was erased.'
	},
	pt: {
		'erase.action': 'Apagar definitivamente (RGPD)',
		'erase.title': 'Apagar {name} definitivamente?',
		'erase.body':
			'A ficha, as visitas, as notas, as fotos e os consentimentos desta cliente vão desaparecer de todos os dispositivos e do servidor, incluindo o histórico de alterações. Não é possível anular.',
		'erase.group': 'As {count} fichas unidas a esta também são apagadas.',
		'erase.typeName': 'Para confirmar, escreva o nome completo: {name}',
		'erase.nameMismatch': 'O nome escrito não corresponde.',
		'erase.confirm': 'Apagar definitivamente',
		'erase.done': '{name} foi apagada de todos os dispositivos.',
		'erase.offline':
			'Apagar precisa da ligação ao servidor. Tente de novo quando o dispositivo estiver online.',
		'erase.notPaired':
			'Apagar passa pelo servidor do salão: ligue primeiro este dispositivo (Definições › Sincronização).',
		'erase.forbidden': 'A função deste dispositivo não pode apagar clientes.',
		'erase.failed': 'Não foi possível apagar ({code}). Nada foi apagado.'
	},
	bg: {
		'erase.action': 'Изтриване завинаги (GDPR)',
		'erase.title': 'Да се изтрие ли завинаги {name}?',
		'erase.body':
			'Картата, посещенията, бележките, снимките и съгласията на тази клиентка ще изчезнат от всички устройства и от сървъра, включително историята на промените. Това не може да се отмени.',
		'erase.group': 'Изтриват се и {count} карти, обединени с тази.',
		'erase.typeName': 'За потвърждение въведете пълното име: {name}',
		'erase.nameMismatch': 'Въведеното име не съвпада.',
		'erase.confirm': 'Изтрий завинаги',
		'erase.done': '{name} е изтрита от всички устройства.',
		'erase.offline':
			'Изтриването изисква връзка със сървъра. Опитайте отново, когато устройството е онлайн.',
		'erase.notPaired':
			'Изтриването минава през сървъра на салона: първо свържете устройството (Настройки › Синхронизация).',
		'erase.forbidden': 'Ролята на това устройство не може да изтрива клиенти.',
		'erase.failed': 'Изтриването не успя ({code}). Нищо не е изтрито.'
	}
});
