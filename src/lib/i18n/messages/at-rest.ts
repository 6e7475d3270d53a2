// Encryption at rest on devices (issue 7): the owner's option in /settings and the screen of a
// device that cannot open its encrypted data.
import { defineMessages } from '../define';

export const atRestMessages = defineMessages({
	it: {
		'atRest.title': 'Crittografia sui dispositivi',
		'atRest.hint':
			'Allergie, controindicazioni, note della scheda e note del diario vengono salvate cifrate nella memoria di ogni dispositivo. La chiave la dà il server del salone ai soli dispositivi abbinati: un dispositivo rubato, spento o rimosso non può leggerle.',
		'atRest.toggle': 'Cifra dati sanitari e note su tutti i dispositivi',
		'atRest.ownerOnly': 'Solo chi gestisce il personale può cambiare questa impostazione.',
		'atRest.needsServer': 'Serve il server di sincronizzazione: abbina prima questo dispositivo.',
		'atRest.statusOn': 'Questo dispositivo: dati sanitari e note sono cifrati.',
		'atRest.statusOff': 'Questo dispositivo: dati non cifrati.',
		'atRest.statusWaiting':
			'Questo dispositivo cambierà non appena tutte le modifiche avranno raggiunto il server.',
		'atRest.savedOn':
			'Crittografia attivata: i dispositivi si aggiornano alla prossima sincronizzazione',
		'atRest.savedOff': 'Crittografia disattivata',
		'atRest.lockedTitle': 'Dati cifrati',
		'atRest.lockedBody':
			'I dati di questo dispositivo sono cifrati e la chiave arriva dal server del salone. Collegati alla rete del salone e riprova.',
		'atRest.retry': 'Riprova'
	},
	en: {
		'atRest.title': 'Encryption on devices',
		'atRest.hint':
			"Allergies, contraindications, card notes and timeline notes are stored encrypted in every device's storage. The salon's server gives the key to paired devices only: a stolen, switched-off or removed device cannot read them.",
		'atRest.toggle': 'Encrypt health data and notes on every device',
		'atRest.ownerOnly': 'Only someone who manages staff can change this setting.',
		'atRest.needsServer': 'Needs the sync server: pair this device first.',
		'atRest.statusOn': 'This device: health data and notes are encrypted.',
		'atRest.statusOff': 'This device: not encrypted.',
		'atRest.statusWaiting':
			'This device will switch as soon as every change has reached the server.',
		'atRest.savedOn': 'Encryption turned on: devices switch at their next sync',
		'atRest.savedOff': 'Encryption turned off',
		'atRest.lockedTitle': 'Encrypted data',
		'atRest.lockedBody':
			"This device's data is encrypted and the key comes from the salon's server. Connect to the salon's network and try again.",
		'atRest.retry': 'Try again'
	},
	pt: {
		'atRest.title': 'Encriptação nos dispositivos',
		'atRest.hint':
			'Alergias, contraindicações, notas da ficha e notas do histórico ficam guardadas encriptadas na memória de cada dispositivo. O servidor do salão dá a chave só aos dispositivos emparelhados: um dispositivo roubado, desligado ou removido não as pode ler.',
		'atRest.toggle': 'Encriptar dados de saúde e notas em todos os dispositivos',
		'atRest.ownerOnly': 'Só quem gere a equipa pode mudar esta definição.',
		'atRest.needsServer':
			'Precisa do servidor de sincronização: emparelhe primeiro este dispositivo.',
		'atRest.statusOn': 'Este dispositivo: dados de saúde e notas estão encriptados.',
		'atRest.statusOff': 'Este dispositivo: dados não encriptados.',
		'atRest.statusWaiting':
			'Este dispositivo muda assim que todas as alterações chegarem ao servidor.',
		'atRest.savedOn': 'Encriptação ativada: os dispositivos mudam na próxima sincronização',
		'atRest.savedOff': 'Encriptação desativada',
		'atRest.lockedTitle': 'Dados encriptados',
		'atRest.lockedBody':
			'Os dados deste dispositivo estão encriptados e a chave vem do servidor do salão. Ligue-se à rede do salão e tente de novo.',
		'atRest.retry': 'Tentar de novo'
	},
	bg: {
		'atRest.title': 'Криптиране на устройствата',
		'atRest.hint':
			'Алергиите, противопоказанията, бележките в картона и бележките в хронологията се пазят криптирани в паметта на всяко устройство. Сървърът на салона дава ключа само на сдвоени устройства: откраднато, изключено или премахнато устройство не може да ги прочете.',
		'atRest.toggle': 'Криптирай здравните данни и бележките на всички устройства',
		'atRest.ownerOnly': 'Само който управлява персонала може да промени тази настройка.',
		'atRest.needsServer': 'Нужен е сървърът за синхронизация: първо сдвоете това устройство.',
		'atRest.statusOn': 'Това устройство: здравните данни и бележките са криптирани.',
		'atRest.statusOff': 'Това устройство: данните не са криптирани.',
		'atRest.statusWaiting':
			'Това устройство ще премине веднага щом всички промени стигнат до сървъра.',
		'atRest.savedOn':
			'Криптирането е включено: устройствата преминават при следващата синхронизация',
		'atRest.savedOff': 'Криптирането е изключено',
		'atRest.lockedTitle': 'Криптирани данни',
		'atRest.lockedBody':
			'Данните на това устройство са криптирани, а ключът идва от сървъра на салона. Свържете се с мрежата на салона и опитайте отново.',
		'atRest.retry': 'Опитай отново'
	}
});
