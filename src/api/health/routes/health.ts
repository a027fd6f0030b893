export default {
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.show',
      // For load balancers: no credentials, and no detail beyond up/down per component.
      config: { auth: false },
    },
  ],
};
