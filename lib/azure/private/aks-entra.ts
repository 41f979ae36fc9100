/**
 * Entra ID server application of AKS's managed Entra integration, the audience
 * kubelogin (and the preflight) ask tokens for. @see https://azure.github.io/kubelogin/concepts/aks.html
 */
export const AKS_ENTRA_SERVER_ID = '6dae42f8-4368-4678-94ff-3960e28e3630';
