// Column headers people and salon systems write, in it/en/pt/bg, folded (lower case, no
// accents, punctuation as spaces: see foldHeader). Recognition data, not UI text.
//
// Export and import formats of the systems salons move from, as their help pages describe them:
// - Fresha: "First Name", "Last Name", "Mobile Number", "Email", "Gender", "Date of Birth",
//   "Blocked", "Block Reason", "Accepts Marketing", "Referral Source", "Note"
//   (support.fresha.com/hc/articles/115001938785, client import and template)
// - Square: "Given Name"/"First Name", "Family Name"/"Last Name", "Email Address",
//   "Phone Number", "Company Name", "Street Address 1", "Postal Code", "Birthday", "Memo",
//   "Email Subscription Status" (squareup.com/help/us/en/article/6632-import-customers-online)
// - Vagaro: "Email Address", "First Name", "Last Name", "Mobile Phone", "Day Phone",
//   "Night Phone", "Birth Date", "Gender", "Customer Since"
//   (support.vagaro.com/hc/en-us/articles/18977250687643)
// - Phorest: "First Name", "Last Name", "Mobile", "Email", "Date Of Birth", "Notes",
//   "Address 1", "Postcode", "SMS Marketing", "Email Marketing" (client list export)
// - Treatwell Pro (it): "Nome", "Cognome", "Cellulare", "Email", "Data di nascita", "Sesso", "Note"
// - Venere Cloud (it): "Cognome", "Nome", "Cellulare", "Telefono", "E-mail", "Data nascita",
//   "Indirizzo", "CAP", "Città", "Provincia", "Codice fiscale", "Note" (anagrafica clienti)
// - Altegio (pt/en/bg): "Nome"/"Name"/"Име", "Telefone"/"Phone"/"Телефон", "E-mail",
//   "Data de nascimento"/"Birthday"/"Дата на раждане", "Sexo"/"Gender"/"Пол", "Categorias",
//   "Comentário", "Número do cartão" (base de dados de clientes)
// The headers of our own export (src/lib/domain/export) are added by the caller from the
// message catalogs, so a round trip matches in every language.
import type { ImportTarget } from './targets';

/** Lower case, accents off, punctuation and repeated spaces to one space, "(…)" and "*" off. */
export function foldHeader(header: string): string {
	return header
		.toLowerCase()
		.normalize('NFD')
		.replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
		.normalize('NFC')
		.replace(/\([^)]*\)/g, ' ')
		.replace(/[\p{P}\p{S}]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A list written as one string: 'a|b|c' (keeps the tables compact). */
export const w = (list: string): string[] => list.split('|');

const S: Record<ImportTarget, string[]> = {
	firstName: w(
		'first name|firstname|given name|name first|forename|nome|nome proprio|nome cliente|primeiro nome|nome proprio|prenome|име|собствено име|първо име'
	),
	lastName: w(
		'last name|lastname|surname|family name|name last|cognome|cognome cliente|apelido|sobrenome|ultimo nome|apelidos|фамилия|фамилно име|презиме'
	),
	fullName: w(
		'name|full name|client name|customer name|client|customer|contact|nominativo|cliente|nome e cognome|cognome e nome|cognome nome|nome cognome|nome completo|nome do cliente|имена|име и фамилия|клиент|пълно име'
	),
	gender: w('gender|sex|sesso|genere|genero|sexo|пол'),
	birthDate: w(
		'birthday|birth date|birthdate|date of birth|dob|born|data di nascita|data nascita|compleanno|nato il|nata il|nascita|data de nascimento|aniversario|nascimento|дата на раждане|рожден ден|роден'
	),
	phone: w(
		'phone|mobile|mobile phone|mobile number|cell|cell phone|cellphone|phone number|telephone number|whatsapp|sms|cellulare|telefono cellulare|cell|numero di cellulare|telefono|tel|numero di telefono|recapito telefonico|telemovel|telefone|celular|numero de telefone|telefone celular|телефон|мобилен|мобилен телефон|gsm|тел'
	),
	phoneHome: w(
		'home phone|night phone|evening phone|landline|telefono casa|telefono fisso|fisso|tel casa|telefone fixo|telefone de casa|домашен телефон|стационарен'
	),
	phoneWork: w(
		'work phone|day phone|business phone|office phone|telefono ufficio|telefono lavoro|telefone do trabalho|служебен телефон'
	),
	phoneLabel: w('phone type|tipo telefono|tipo de telefone|вид телефон'),
	phoneOther: w('other phone|altro telefono|outro telefone|друг телефон'),
	email: w(
		'email|e mail|email address|e mail address|mail|indirizzo email|indirizzo e mail|posta elettronica|endereco de email|endereco de e mail|correio eletronico|имейл|е мейл|електронна поща|имейл адрес'
	),
	street: w(
		'address|street|street address|street address 1|address 1|address line 1|indirizzo|via|residenza|morada|endereco|rua|адрес|улица'
	),
	postalCode: w(
		'postal code|postcode|post code|zip|zip code|cap|codice postale|codigo postal|cep|пощенски код'
	),
	city: w('city|town|citta|comune|localita|cidade|localidade|град|населено място'),
	province: w('province|state|county|region|area|provincia|prov|distrito|estado|област|регион'),
	country: w('country|nazione|paese|stato|pais|държава|страна'),
	fiscalCode: w('fiscal code|tax code|codice fiscale|cf|c f|cod fiscale'),
	nationalId: w(
		'national id|id number|identity number|nif|numero de contribuinte|cc|documento|егн|лнч'
	),
	customerType: w('customer type|client type|tipo cliente|tipo de cliente|тип клиент'),
	company: w(
		'company|company name|business name|ragione sociale|azienda|societa|empresa|nome da empresa|фирма|компания'
	),
	vatNumber: w(
		'vat|vat number|vat id|partita iva|p iva|piva|p iva cliente|nipc|numero de iva|ддс номер|ин по ддс|булстат'
	),
	pec: w('pec|email pec|indirizzo pec|posta certificata'),
	sdiCode: w('sdi|codice sdi|codice destinatario|sdi code'),
	categories: w(
		'category|categories|client category|group|groups|categoria|categorie|gruppo|categorias|grupo|категория|категории|група'
	),
	tags: w('tags|tag|labels|etichette|etiquetas|тагове|етикети'),
	source: w(
		'source|referral source|acquisition source|how did you hear about us|creation source|provenienza|fonte|come ci ha conosciuto|canale|origem|como nos conheceu|източник'
	),
	preferredStaff: w(
		'preferred staff|staff|preferred stylist|operatore|operatrice|operatore preferito|profissional|profissional preferido|служител|предпочитан служител'
	),
	language: w('language|lingua|idioma|lingua preferida|език'),
	profession: w('profession|occupation|job|professione|lavoro|profissao|професия'),
	note: w(
		'note|notes|memo|comment|comments|client notes|nota|annotazioni|commento|osservazioni|notas|observacoes|comentario|comentarios|бележка|бележки|коментар'
	),
	allergies: w('allergies|allergy|allergie|allergia|alergias|alergia|алергии|алергия'),
	contraindications: w(
		'contraindications|contraindication|medical conditions|controindicazioni|contraindicacoes|противопоказания'
	),
	fidelityCardNumber: w(
		'card number|loyalty card|fidelity card|membership number|reference id|tessera|numero tessera|carta fedelta|numero carta fedelta|fidelity|numero do cartao|cartao de fidelizacao|cartao|номер на карта|карта за лоялност'
	),
	fidelityCardExpiry: w(
		'card expiry|loyalty card expiry|scadenza tessera|scadenza carta|validade do cartao|валидност на картата'
	),
	marketingConsent: w(
		'accepts marketing|marketing|marketing consent|email subscription status|email marketing|newsletter|consenso marketing|consenso commerciale|consentimento marketing|aceita marketing|маркетинг|съгласие за маркетинг'
	),
	'consent.reminderSms': w('sms reminders|promemoria sms|lembretes sms|sms напомняния'),
	'consent.reminderEmail': w('email reminders|promemoria email|lembretes email|имейл напомняния'),
	'consent.reminderWhatsapp': w('whatsapp reminders|promemoria whatsapp|lembretes whatsapp'),
	'consent.marketingSms': w('accepts sms marketing|sms marketing|marketing sms'),
	'consent.marketingEmail': ['accepts email marketing', 'marketing email'],
	'consent.marketingWhatsapp': ['whatsapp marketing', 'marketing whatsapp'],
	blacklisted: w(
		'blocked|blacklisted|blacklist|do not book|banned|bloccato|bloccata|lista nera|bloqueado|lista negra|блокиран|черен списък'
	),
	blacklistReason: w(
		'block reason|blocked reason|blacklist reason|motivo blocco|motivo lista nera|motivo do bloqueio|причина за блокиране'
	),
	archived: w(
		'archived|inactive|archiviato|archiviata|inattivo|arquivado|inativo|архивиран|неактивен'
	)
};

/** folded header → target, built once. Later entries do not override earlier ones. */
const BUILT_IN = new Map<string, ImportTarget>();
for (const [target, words] of Object.entries(S) as [ImportTarget, string[]][]) {
	for (const word of words) {
		const key = foldHeader(word);
		if (!BUILT_IN.has(key)) BUILT_IN.set(key, target);
	}
}

/** Extra header → target pairs (our export's translated headers), keys folded. */
export type ExtraSynonyms = ReadonlyMap<string, ImportTarget>;

export function extraSynonyms(pairs: Iterable<readonly [string, ImportTarget]>): ExtraSynonyms {
	const map = new Map<string, ImportTarget>();
	for (const [header, target] of pairs) {
		const key = foldHeader(header);
		if (key && !map.has(key)) map.set(key, target);
	}
	return map;
}

/**
 * The target a header names, or null. Tries the header as written, then without a trailing
 * number ("Phone 2", "Email 1") so numbered repeats land on the same multi-valued target.
 */
export function matchHeader(header: string, extra?: ExtraSynonyms): ImportTarget | null {
	const folded = foldHeader(header);
	if (!folded) return null;
	const lookup = (key: string): ImportTarget | null => extra?.get(key) ?? BUILT_IN.get(key) ?? null;
	return lookup(folded) ?? lookup(folded.replace(/\s*\d+$/, ''));
}
