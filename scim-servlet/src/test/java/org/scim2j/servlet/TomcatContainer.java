package org.scim2j.servlet;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Embedded Tomcat 11. */
final class TomcatContainer implements ServletContainer {

    private final Tomcat tomcat;
    private final URI baseUrl;

    TomcatContainer(ScimServlet servlet) throws Exception {
        tomcat = new Tomcat();
        Path base = Files.createTempDirectory("scim2j-tomcat");
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("/api", base.toString());
        if (context instanceof org.apache.catalina.core.StandardContext standard) {
            // The leak detectors need --add-opens and only warn without it; this context has no web application.
            standard.setClearReferencesThreadLocals(false);
            standard.setClearReferencesRmiTargets(false);
        }
        Tomcat.addServlet(context, "scim", servlet).addMapping("/scim/v2/*");
        tomcat.start();
        baseUrl = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/scim/v2");
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
