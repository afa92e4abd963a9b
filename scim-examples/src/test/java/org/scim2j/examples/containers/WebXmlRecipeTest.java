package org.scim2j.examples.containers;

import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.io.TempDir;
import org.scim2j.servlet.ScimServlet;

import java.net.URISyntaxException;
import java.nio.file.Path;

// Every test and assertion is inherited from ContainerRecipeBehaviour; this class only starts the container.
/**
 * {@link ScimContextListener} declared in a real {@code web.xml} (src/test/resources/webapp), deployed as a web
 * application the way a standalone container deploys a WAR, with the report valve configured on the host as
 * {@code server.xml} would.
 */
class WebXmlRecipeTest extends ContainerRecipeBehaviour {

    @TempDir
    Path workDir;
    private Tomcat tomcat;

    @Override
    String start(ScimServlet unused) throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(workDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        // No JSP servlet or default servlet: what web.xml declares is all there is.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        StandardHost host = (StandardHost) tomcat.getHost();
        host.setErrorReportValveClass(ScimTomcatErrorReportValve.class.getName());
        host.getPipeline().addValve(new ScimTomcatErrorReportValve("/api/scim/v2"));
        Context context = tomcat.addWebapp("", webapp().toString());
        // The test class path is not the web application's WEB-INF/lib: do not scan it for annotations.
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        tomcat.start();
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    private static Path webapp() throws URISyntaxException {
        return Path.of(WebXmlRecipeTest.class.getResource("/webapp/WEB-INF/web.xml").toURI()).getParent()
                .getParent();
    }

    @Override
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
