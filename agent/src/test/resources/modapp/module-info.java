/** A named module on the module path (compiled by the agent's integration tests). */
module gilscope.modapp {}
