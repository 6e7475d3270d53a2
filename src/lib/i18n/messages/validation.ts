// Text for the codes returned by src/lib/domain/validate.ts (key = `validation.${code}`).
import { defineMessages } from '../define';

export const validation = defineMessages({
	it: {
		'validation.required': 'Campo obbligatorio',
		'validation.nameRequired': 'Inserisci almeno il nome o il cognome',
		'validation.phone.invalid': 'Numero di telefono non valido',
		'validation.email.invalid': 'Indirizzo e-mail non valido',
		'validation.birthDate.invalid': 'Data di nascita non valida',
		'validation.birthDate.future': 'La data di nascita non può essere nel futuro',
		'validation.fiscalCode.length': 'Il codice fiscale deve avere 16 caratteri',
		'validation.fiscalCode.format': 'Il codice fiscale non ha un formato valido',
		'validation.fiscalCode.checkChar':
			"Il codice fiscale non è corretto (l'ultimo carattere di controllo non corrisponde)",
		'validation.fiscalCode.birthDateMismatch':
			'Il codice fiscale indica una data di nascita diversa',
		'validation.fiscalCode.genderMismatch': 'Il codice fiscale indica un sesso diverso',
		'validation.vat.invalid': 'Partita IVA non valida',
		'validation.vat.checkDigit': 'Partita IVA non corretta (cifra di controllo errata)',
		'validation.sdi.invalid': 'Il codice destinatario SDI deve avere 7 lettere o cifre',
		'validation.pec.invalid': 'Indirizzo PEC non valido',
		'validation.date.invalid': 'Data non valida',
		'validation.fidelity.expired': 'La fidelity card è scaduta',
		'validation.blacklist.reasonRequired': 'Indica il motivo della blacklist',
		'validation.tooLong': 'Massimo {max} caratteri',
		'validation.tooMany': 'Massimo {max} voci',
		'validation.invalid': 'Valore non valido'
	},
	en: {
		'validation.required': 'This field is required',
		'validation.nameRequired': 'Enter at least a first name or a surname',
		'validation.phone.invalid': 'Invalid phone number',
		'validation.email.invalid': 'Invalid e-mail address',
		'validation.birthDate.invalid': 'Invalid date of birth',
		'validation.birthDate.future': 'The date of birth cannot be in the future',
		'validation.fiscalCode.length': 'The tax code must be 16 characters long',
		'validation.fiscalCode.format': 'The tax code is not in a valid format',
		'validation.fiscalCode.checkChar':
			'The tax code is wrong (the final check character does not match)',
		'validation.fiscalCode.birthDateMismatch': 'The tax code gives a different date of birth',
		'validation.fiscalCode.genderMismatch': 'The tax code gives a different sex',
		'validation.vat.invalid': 'Invalid VAT number',
		'validation.vat.checkDigit': 'Wrong VAT number (the check digit does not match)',
		'validation.sdi.invalid': 'The SDI recipient code must be 7 letters or digits',
		'validation.pec.invalid': 'Invalid PEC address',
		'validation.date.invalid': 'Invalid date',
		'validation.fidelity.expired': 'The loyalty card has expired',
		'validation.blacklist.reasonRequired': 'Give a reason for the blacklist',
		'validation.tooLong': 'At most {max} characters',
		'validation.tooMany': 'At most {max} entries',
		'validation.invalid': 'Invalid value'
	},
	pt: {
		'validation.required': 'Campo obrigatório',
		'validation.nameRequired': 'Indique pelo menos o nome próprio ou o apelido',
		'validation.phone.invalid': 'Número de telefone inválido',
		'validation.email.invalid': 'Endereço de e-mail inválido',
		'validation.birthDate.invalid': 'Data de nascimento inválida',
		'validation.birthDate.future': 'A data de nascimento não pode ser no futuro',
		'validation.fiscalCode.length': 'O código fiscal italiano deve ter 16 caracteres',
		'validation.fiscalCode.format': 'O código fiscal italiano não tem um formato válido',
		'validation.fiscalCode.checkChar':
			'O código fiscal italiano está errado (o carácter de controlo final não corresponde)',
		'validation.fiscalCode.birthDateMismatch':
			'O código fiscal indica uma data de nascimento diferente',
		'validation.fiscalCode.genderMismatch': 'O código fiscal indica um sexo diferente',
		'validation.vat.invalid': 'Número de contribuinte (IVA) inválido',
		'validation.vat.checkDigit':
			'Número de contribuinte (IVA) errado (o dígito de controlo não corresponde)',
		'validation.sdi.invalid': 'O código de destinatário SDI deve ter 7 letras ou algarismos',
		'validation.pec.invalid': 'Endereço PEC inválido',
		'validation.date.invalid': 'Data inválida',
		'validation.fidelity.expired': 'O cartão de fidelização expirou',
		'validation.blacklist.reasonRequired': 'Indique o motivo da lista negra',
		'validation.tooLong': 'No máximo {max} caracteres',
		'validation.tooMany': 'No máximo {max} entradas',
		'validation.invalid': 'Valor inválido'
	},
	bg: {
		'validation.required': 'Задължително поле',
		'validation.nameRequired': 'Въведете поне име или фамилия',
		'validation.phone.invalid': 'Невалиден телефонен номер',
		'validation.email.invalid': 'Невалиден имейл адрес',
		'validation.birthDate.invalid': 'Невалидна дата на раждане',
		'validation.birthDate.future': 'Датата на раждане не може да е в бъдещето',
		'validation.fiscalCode.length': 'Италианският данъчен код трябва да е от 16 знака',
		'validation.fiscalCode.format': 'Италианският данъчен код е в невалиден формат',
		'validation.fiscalCode.checkChar':
			'Данъчният код е грешен (последният контролен знак не съвпада)',
		'validation.fiscalCode.birthDateMismatch': 'Данъчният код посочва друга дата на раждане',
		'validation.fiscalCode.genderMismatch': 'Данъчният код посочва друг пол',
		'validation.vat.invalid': 'Невалиден ДДС номер',
		'validation.vat.checkDigit': 'Грешен ДДС номер (контролната цифра не съвпада)',
		'validation.sdi.invalid': 'Кодът на получател в SDI трябва да е от 7 букви или цифри',
		'validation.pec.invalid': 'Невалиден PEC адрес',
		'validation.date.invalid': 'Невалидна дата',
		'validation.fidelity.expired': 'Картата за лоялност е изтекла',
		'validation.blacklist.reasonRequired': 'Посочете причината за черния списък',
		'validation.tooLong': 'Най-много {max} знака',
		'validation.tooMany': 'Най-много {max} записа',
		'validation.invalid': 'Невалидна стойност'
	}
});
