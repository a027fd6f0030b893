/** Seeded once on a fresh install; staff own them afterwards. */
export const DEFAULT_PACKAGES = [
  { name: 'Top-up 5k', credits: 5_000, price: 10, currency: 'USD', isFeatured: false, sortOrder: 1 },
  { name: 'Top-up 25k', credits: 25_000, price: 45, currency: 'USD', isFeatured: true, sortOrder: 2 },
  { name: 'Top-up 100k', credits: 100_000, price: 160, currency: 'USD', isFeatured: false, sortOrder: 3 },
  { name: 'Top-up 500k', credits: 500_000, price: 700, currency: 'USD', isFeatured: false, sortOrder: 4 },
];

export const DEFAULT_PAYMENT_METHODS = [
  {
    country: '*',
    method: 'bank_transfer',
    displayName: 'Bank transfer (SWIFT)',
    instructions: 'Transfer the invoice total to the account below and put the invoice number in the payment reference. Then submit the bank reference here.',
    details: { bank: 'IGNY8 Demo Bank', accountName: 'IGNY8 Ltd', iban: 'GB00IGNY00000000000000', swift: 'IGNYGB2L' },
    sortOrder: 1,
  },
  {
    country: '*',
    method: 'manual',
    displayName: 'Other (arranged with our team)',
    instructions: 'For payments arranged with our billing team: submit the reference they gave you.',
    details: {},
    sortOrder: 9,
  },
  {
    country: 'PK',
    method: 'bank_transfer',
    displayName: 'Bank transfer (Pakistan)',
    instructions: 'Transfer the PKR equivalent of the invoice total at the day\'s rate; put the invoice number in the reference.',
    details: { bank: 'Demo Bank Pakistan', accountName: 'IGNY8 Pvt Ltd', iban: 'PK00DEMO0000000000000000' },
    sortOrder: 1,
  },
  {
    country: 'PK',
    method: 'local_wallet',
    displayName: 'Mobile wallet',
    instructions: 'Send the amount to the wallet number below and submit the transaction ID.',
    details: { walletNumber: '0300-0000000', accountName: 'IGNY8' },
    sortOrder: 2,
  },
];
