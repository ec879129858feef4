/** Name of the stack in cdktf.out and on the command line (its own module: readers of cdktf.out need no cdktf). */
export const STACK_NAME = 'cross-account';
