// The app frame (header, navigation, loading, error page) and the shared primitives in
// src/lib/ui/common (contact actions, toasts).
import { defineMessages } from '../define';

export const layout = defineMessages({
	it: {
		'layout.skipToContent': 'Vai al contenuto',
		'layout.loading': 'Apertura dello schedario…',
		'layout.migrating': 'Aggiornamento dello schedario su questo dispositivo…',
		'layout.migratingHint':
			"Succede una volta dopo un aggiornamento dell'app e può richiedere un minuto. Lascia aperta questa pagina.",
		'layout.errorTitle': 'Qualcosa è andato storto',
		'layout.backToClients': 'Torna ai clienti',
		'ui.contact.call': 'Chiama {name}',
		'ui.contact.email': 'Scrivi una e-mail a {name}',
		'ui.contact.whatsapp': 'WhatsApp {name}',
		'ui.contact.sms': 'Invia un SMS a {name}',
		'ui.contact.callShort': 'Chiama',
		'ui.contact.emailShort': 'E-mail',
		'ui.contact.whatsappShort': 'WhatsApp',
		'ui.contact.smsShort': 'SMS',
		'ui.contact.group': 'Contatta {name}',
		'ui.toasts.region': 'Notifiche',
		'ui.toasts.dismiss': 'Chiudi la notifica'
	},
	en: {
		'layout.skipToContent': 'Skip to content',
		'layout.loading': 'Opening the client book…',
		'layout.migrating': 'Updating the client book on this device…',
		'layout.migratingHint':
			'This happens once after an app update and can take a minute. Keep this page open.',
		'layout.errorTitle': 'Something went wrong',
		'layout.backToClients': 'Back to clients',
		'ui.contact.call': 'Call {name}',
		'ui.contact.email': 'E-mail {name}',
		'ui.contact.whatsapp': 'WhatsApp {name}',
		'ui.contact.sms': 'Send SMS to {name}',
		'ui.contact.callShort': 'Call',
		'ui.contact.emailShort': 'E-mail',
		'ui.contact.whatsappShort': 'WhatsApp',
		'ui.contact.smsShort': 'SMS',
		'ui.contact.group': 'Contact {name}',
		'ui.toasts.region': 'Notifications',
		'ui.toasts.dismiss': 'Dismiss notification'
	},
	pt: {
		'layout.skipToContent': 'Saltar para o conteúdo',
		'layout.loading': 'A abrir o ficheiro de clientes…',
		'layout.migrating': 'A atualizar o ficheiro de clientes neste dispositivo…',
		'layout.migratingHint':
			'Acontece uma vez após uma atualização da aplicação e pode demorar um minuto. Mantenha esta página aberta.',
		'layout.errorTitle': 'Algo correu mal',
		'layout.backToClients': 'Voltar aos clientes',
		'ui.contact.call': 'Ligar a {name}',
		'ui.contact.email': 'Enviar e-mail a {name}',
		'ui.contact.whatsapp': 'WhatsApp {name}',
		'ui.contact.sms': 'Enviar SMS a {name}',
		'ui.contact.callShort': 'Ligar',
		'ui.contact.emailShort': 'E-mail',
		'ui.contact.whatsappShort': 'WhatsApp',
		'ui.contact.smsShort': 'SMS',
		'ui.contact.group': 'Contactar {name}',
		'ui.toasts.region': 'Notificações',
		'ui.toasts.dismiss': 'Fechar notificação'
	},
	bg: {
		'layout.skipToContent': 'Към съдържанието',
		'layout.loading': 'Отваряне на клиентския регистър…',
		'layout.migrating': 'Обновяване на клиентския регистър на това устройство…',
		'layout.migratingHint':
			'Случва се веднъж след обновяване на приложението и може да отнеме минута. Оставете тази страница отворена.',
		'layout.errorTitle': 'Нещо се обърка',
		'layout.backToClients': 'Обратно към клиентите',
		'ui.contact.call': 'Обади се на {name}',
		'ui.contact.email': 'Имейл до {name}',
		'ui.contact.whatsapp': 'WhatsApp {name}',
		'ui.contact.sms': 'Изпрати SMS на {name}',
		'ui.contact.callShort': 'Обади се',
		'ui.contact.emailShort': 'Имейл',
		'ui.contact.whatsappShort': 'WhatsApp',
		'ui.contact.smsShort': 'SMS',
		'ui.contact.group': 'Свържи се с {name}',
		'ui.toasts.region': 'Известия',
		'ui.toasts.dismiss': 'Затвори известието'
	}
});
