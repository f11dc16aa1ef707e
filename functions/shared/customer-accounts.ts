/**
 * Customers' portal accounts: users of the customer user pool, each named after its customer
 * record's id (so a customer token's `username` claim is the record's id).
 */
export interface CustomerAccounts {
  /**
   * Creates the account with a permanent password and its e-mail already verified (the activation
   * link proved it). @throws ConflictError `account_exists`
   */
  create(account: { customerId: string; email: string; password: string }): Promise<void>;
  /**
   * Moves the account to a new address, verified (the customer proved it with a mailed link): they
   * sign in with it from now on. @throws ConflictError `email_taken` when another account has it
   */
  changeEmail(customerId: string, email: string): Promise<void>;
  /** Deletes the account; one that does not exist is not an error. */
  delete(customerId: string): Promise<void>;
}

/** For functions that manage no accounts: says so if one is ever asked to. */
export const noCustomerAccounts: CustomerAccounts = {
  create: () => Promise.reject(new Error('this function has no customer accounts')),
  changeEmail: () => Promise.reject(new Error('this function has no customer accounts')),
  delete: () => Promise.reject(new Error('this function has no customer accounts')),
};
