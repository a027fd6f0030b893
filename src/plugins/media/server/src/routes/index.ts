export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // Tenants: POST /api/media/images/<documentId>/file, multipart with the field `file`.
      { method: 'POST', path: '/images/:documentId/file', handler: 'images.attachFile' },
    ],
  },
};
