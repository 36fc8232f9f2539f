package io.vigil.ingest.evtx;

/**
 * A template definition turned into a node tree, reusable for every instance in its chunk (and, through
 * the {@link TemplateLibrary}, in later chunks), with the {@link AssemblyPlan} of each role it is used in.
 */
final class CompiledTemplate {

    private final BinXmlNode[] roots;
    /**
     * Built on first use. A template stays with the thread that compiled it (each thread has its own
     * {@link TemplateLibrary}), which is what lets a plan's steps remember their last values.
     */
    private final AssemblyPlan.Step[][] plans = new AssemblyPlan.Step[AssemblyPlan.ROLES][];

    CompiledTemplate(BinXmlNode[] roots) {
        this.roots = roots;
    }

    BinXmlNode[] roots() {
        return roots;
    }

    AssemblyPlan.Step[] plan(int role) {
        AssemblyPlan.Step[] plan = plans[role];
        if (plan == null) {
            plan = plans[role] = AssemblyPlan.of(roots, role);
        }
        return plan;
    }
}
