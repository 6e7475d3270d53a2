// The consent texts a salon starts with, one per language, each its version 1. They are content
// the owner edits (in /settings), not interface strings, and they live here rather than in the
// message catalogs on purpose: a signed record proves its text by version and SHA-256, so the
// body of a version 1 must never change with a translation fix. Improve them by shipping a new
// text the owner adopts, never by editing these.
import type { ConsentScope } from './consents.js';
import type { Locale } from './locales.js';

interface DefaultText {
	locale: Locale;
	version: number;
	createdAt: number;
	title: string;
	intro: string;
	scopes: Record<ConsentScope, string>;
}

export const DEFAULT_CONSENT_TEXTS: Record<Locale, DefaultText> = {
	it: {
		locale: 'it',
		version: 1,
		createdAt: 0,
		title: 'Informativa privacy e consensi',
		intro:
			'Ai sensi del Regolamento (UE) 2016/679 (GDPR), il salone, titolare del trattamento, tratta i tuoi dati personali per gestire appuntamenti, trattamenti e la tua scheda cliente. I dati sono conservati per il tempo necessario a questi scopi e non sono ceduti a terzi. Puoi chiedere in ogni momento accesso, rettifica, cancellazione o copia dei tuoi dati e revocare ciascun consenso senza conseguenze sui trattamenti già svolti.',
		scopes: {
			processing:
				'Acconsento al trattamento dei miei dati personali per la gestione della scheda cliente e degli appuntamenti.',
			health:
				'Acconsento al trattamento dei miei dati relativi alla salute (allergie, controindicazioni, gravidanza) per eseguire i trattamenti in sicurezza.',
			reminderSms: 'Desidero ricevere promemoria degli appuntamenti via SMS.',
			reminderEmail: 'Desidero ricevere promemoria degli appuntamenti via e-mail.',
			reminderWhatsapp: 'Desidero ricevere promemoria degli appuntamenti via WhatsApp.',
			marketingSms: 'Acconsento a ricevere offerte e novità del salone via SMS.',
			marketingEmail: 'Acconsento a ricevere offerte e novità del salone via e-mail.',
			marketingWhatsapp: 'Acconsento a ricevere offerte e novità del salone via WhatsApp.',
			photosRecords:
				'Acconsento a foto prima/dopo conservate nella mia scheda per documentare i trattamenti.',
			photosSocial:
				'Acconsento alla pubblicazione di mie foto sui canali social e sul sito del salone.'
		}
	},
	en: {
		locale: 'en',
		version: 1,
		createdAt: 0,
		title: 'Privacy notice and consents',
		intro:
			'Under Regulation (EU) 2016/679 (GDPR), the salon, as data controller, processes your personal data to manage appointments, treatments and your client record. Data is kept only as long as these purposes require and is not passed on to third parties. You may at any time ask for access, correction, erasure or a copy of your data, and withdraw any consent without affecting processing already carried out.',
		scopes: {
			processing:
				'I consent to the processing of my personal data to manage my client record and appointments.',
			health:
				'I consent to the processing of my health data (allergies, contraindications, pregnancy) so that treatments are carried out safely.',
			reminderSms: 'I would like appointment reminders by SMS.',
			reminderEmail: 'I would like appointment reminders by e-mail.',
			reminderWhatsapp: 'I would like appointment reminders by WhatsApp.',
			marketingSms: 'I agree to receive offers and news from the salon by SMS.',
			marketingEmail: 'I agree to receive offers and news from the salon by e-mail.',
			marketingWhatsapp: 'I agree to receive offers and news from the salon by WhatsApp.',
			photosRecords:
				'I agree to before/after photos being kept in my record to document my treatments.',
			photosSocial:
				"I agree to photos of me being published on the salon's social media and website."
		}
	},
	pt: {
		locale: 'pt',
		version: 1,
		createdAt: 0,
		title: 'Aviso de privacidade e consentimentos',
		intro:
			'Nos termos do Regulamento (UE) 2016/679 (RGPD), o salão, responsável pelo tratamento, trata os seus dados pessoais para gerir marcações, tratamentos e a sua ficha de cliente. Os dados são conservados apenas durante o tempo necessário a estas finalidades e não são cedidos a terceiros. Pode a qualquer momento pedir acesso, retificação, apagamento ou cópia dos seus dados e retirar qualquer consentimento sem afetar o tratamento já efetuado.',
		scopes: {
			processing:
				'Autorizo o tratamento dos meus dados pessoais para a gestão da ficha de cliente e das marcações.',
			health:
				'Autorizo o tratamento dos meus dados de saúde (alergias, contraindicações, gravidez) para que os tratamentos sejam feitos em segurança.',
			reminderSms: 'Desejo receber lembretes das marcações por SMS.',
			reminderEmail: 'Desejo receber lembretes das marcações por e-mail.',
			reminderWhatsapp: 'Desejo receber lembretes das marcações por WhatsApp.',
			marketingSms: 'Aceito receber ofertas e novidades do salão por SMS.',
			marketingEmail: 'Aceito receber ofertas e novidades do salão por e-mail.',
			marketingWhatsapp: 'Aceito receber ofertas e novidades do salão por WhatsApp.',
			photosRecords:
				'Aceito que fotografias antes/depois sejam guardadas na minha ficha para documentar os tratamentos.',
			photosSocial:
				'Aceito a publicação de fotografias minhas nas redes sociais e no sítio web do salão.'
		}
	},
	bg: {
		locale: 'bg',
		version: 1,
		createdAt: 0,
		title: 'Уведомление за поверителност и съгласия',
		intro:
			'Съгласно Регламент (ЕС) 2016/679 (ОРЗД) салонът, като администратор на лични данни, обработва Вашите лични данни, за да управлява часовете, процедурите и Вашия клиентски картон. Данните се съхраняват само докато е необходимо за тези цели и не се предоставят на трети лица. По всяко време можете да поискате достъп, коригиране, изтриване или копие на данните си и да оттеглите всяко съгласие, без това да засяга вече извършената обработка.',
		scopes: {
			processing:
				'Съгласен/на съм личните ми данни да бъдат обработвани за водене на клиентския ми картон и часовете.',
			health:
				'Съгласен/на съм данните за здравето ми (алергии, противопоказания, бременност) да бъдат обработвани, за да се извършват процедурите безопасно.',
			reminderSms: 'Желая да получавам напомняния за часовете по SMS.',
			reminderEmail: 'Желая да получавам напомняния за часовете по имейл.',
			reminderWhatsapp: 'Желая да получавам напомняния за часовете по WhatsApp.',
			marketingSms: 'Съгласен/на съм да получавам оферти и новини от салона по SMS.',
			marketingEmail: 'Съгласен/на съм да получавам оферти и новини от салона по имейл.',
			marketingWhatsapp: 'Съгласен/на съм да получавам оферти и новини от салона по WhatsApp.',
			photosRecords:
				'Съгласен/на съм снимки преди/след да се пазят в картона ми за документиране на процедурите.',
			photosSocial:
				'Съгласен/на съм мои снимки да бъдат публикувани в социалните мрежи и сайта на салона.'
		}
	}
};
