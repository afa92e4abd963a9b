package org.scim2j.examples.containers;

// tag::imports[]
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.scim2j.servlet.ScimServlet;

import java.nio.file.Path;
// end::imports[]

/**
 * Recipe: the SCIM servlet in embedded Tomcat 11 (tomcat-embed-core), with SCIM Error bodies for the requests
 * Tomcat refuses itself.
 */
public final class EmbeddedTomcat {

    private EmbeddedTomcat() {
    }

    /**
     * Starts Tomcat on 127.0.0.1 ({@code port} 0 picks a free port; read it from
     * {@code tomcat.getConnector().getLocalPort()}); SCIM answers at {@code /api/scim/v2}.
     *
     * @param workDir Tomcat's base directory (work files), e.g. a temporary directory
     */
    public static Tomcat start(ScimServlet scim, int port, Path workDir) throws LifecycleException {
        // tag::tomcat[]
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(workDir.toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "scim", scim).addMapping("/api/scim/v2/*");
        // Requests Tomcat refuses before any servlet runs (/Users/%2Fetc, an unmapped path) get a SCIM Error body
        // too, not Tomcat's HTML page. Naming the class keeps the host from adding its default report valve.
        StandardHost host = (StandardHost) tomcat.getHost();
        host.setErrorReportValveClass(ScimTomcatErrorReportValve.class.getName());
        host.getPipeline().addValve(new ScimTomcatErrorReportValve("/api/scim/v2"));
        tomcat.start();
        // end::tomcat[]
        return tomcat;
    }
}
