// GDPR erasure of a client (issue 7 › Deliver 3) and the retention proposal.
import { defineMessages } from '../define';

export const erasureMessages = defineMessages({
	it: {
		'clientData.mergedCards': 'Schede unite',
		'retention.title': 'Conservazione dei dati',
		'retention.hint':
			'Proponi la cancellazione delle clienti che non vengono da tempo (nessuna visita e nessuna modifica alla scheda).',
		'retention.label': 'Proponi la cancellazione dopo',
		'retention.off': 'Mai (disattivato)',
		'retention.years': '{count} anni',
		'retention.saved': 'Conservazione salvata',
		'retention.ownerOnly': 'Solo chi gestisce il personale può cambiarla.',
		'retention.review': 'Clienti da valutare',
		'retention.pageTitle': 'Clienti non viste da {count} anni',
		'retention.pageHint':
			'Apri ogni scheda e, se non serve più, cancellala definitivamente con il nome scritto per conferma.',
		'retention.none': 'Nessuna cliente da valutare.',
		'retention.disabled': 'La proposta di cancellazione è disattivata nelle impostazioni.',
		'retention.lastSeen': 'vista l’ultima volta il {date}',
		'retention.open': 'Apri la scheda di {name}',
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
		'clientData.mergedCards': 'Merged cards',
		'retention.title': 'Data retention',
		'retention.hint':
			'Propose erasing clients who have not been seen for a long time (no visit and no change to the card).',
		'retention.label': 'Propose erasure after',
		'retention.off': 'Never (off)',
		'retention.years': '{count} years',
		'retention.saved': 'Retention saved',
		'retention.ownerOnly': 'Only someone who manages staff may change it.',
		'retention.review': 'Clients to review',
		'retention.pageTitle': 'Clients not seen for {count} years',
		'retention.pageHint':
			'Open each card and, if it is no longer needed, erase it permanently by typing the name to confirm.',
		'retention.none': 'No clients to review.',
		'retention.disabled': 'The erasure proposal is off in the settings.',
		'retention.lastSeen': 'last seen on {date}',
		'retention.open': "Open {name}'s card",
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
		'clientData.mergedCards': 'Fichas unidas',
		'retention.title': 'Conservação dos dados',
		'retention.hint':
			'Propor apagar as clientes que não vêm há muito tempo (nenhuma visita e nenhuma alteração à ficha).',
		'retention.label': 'Propor apagar após',
		'retention.off': 'Nunca (desativado)',
		'retention.years': '{count} anos',
		'retention.saved': 'Conservação guardada',
		'retention.ownerOnly': 'Só quem gere a equipa pode alterar.',
		'retention.review': 'Clientes a avaliar',
		'retention.pageTitle': 'Clientes não vistas há {count} anos',
		'retention.pageHint':
			'Abra cada ficha e, se já não for necessária, apague-a definitivamente escrevendo o nome para confirmar.',
		'retention.none': 'Nenhuma cliente a avaliar.',
		'retention.disabled': 'A proposta de apagar está desativada nas definições.',
		'retention.lastSeen': 'vista pela última vez em {date}',
		'retention.open': 'Abrir a ficha de {name}',
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
		'clientData.mergedCards': 'Обединени карти',
		'retention.title': 'Съхранение на данните',
		'retention.hint':
			'Предлагай изтриване на клиентки, които отдавна не са идвали (без посещение и без промяна в картата).',
		'retention.label': 'Предлагай изтриване след',
		'retention.off': 'Никога (изключено)',
		'retention.years': '{count} години',
		'retention.saved': 'Съхранението е запазено',
		'retention.ownerOnly': 'Само който управлява персонала може да го промени.',
		'retention.review': 'Клиентки за преглед',
		'retention.pageTitle': 'Клиентки, невиждани от {count} години',
		'retention.pageHint':
			'Отворете всяка карта и ако вече не е нужна, изтрийте я завинаги, като въведете името за потвърждение.',
		'retention.none': 'Няма клиентки за преглед.',
		'retention.disabled': 'Предложението за изтриване е изключено в настройките.',
		'retention.lastSeen': 'последно видяна на {date}',
		'retention.open': 'Отвори картата на {name}',
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
